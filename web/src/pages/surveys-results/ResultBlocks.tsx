import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallsDrill, FiguresT, SurveyQuestionT, SurveyResultsT } from '../../api/surveyResults';
import { useLang } from '../../i18n';
import { Block, Figure } from '../statistics/parts';
import { avgColor, avgText, Cell, headerLabel, monthLabel, npsColor, npsText, questionLabel, type OpenCalls } from './shared';

const TOP_SERVICES = 12;
const LINE_COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.7', 'indigo.6'];

/** The clinic's figures of the period: surveyed, NPS with its three groups, complaints, low scores, comments, and each question's average. */
export function TotalsBlock({ r, open }: { r: SurveyResultsT; open: OpenCalls }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = r.total;
  const scored = r.questions.filter((q) => q.kind === 'score5');
  const o = (title: string, filter: CallsDrill['filter']) => () => open({ title, filter });
  return (
    <Block title={t('surveyResults.title')} testId="sr-totals">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="lg" verticalSpacing="md" mb="lg" style={{ alignItems: 'start' }}>
        <Figure label={t('surveyResults.fig.count')} value={s.count} hint={t('surveyResults.fig.countHint')} testId="sr-count" onOpen={o(t('surveyResults.list.all'), {})} />
        <Figure label={t('surveyResults.fig.nps')} value={npsText(s.nps)} color={npsColor(s.nps)} hint={t('surveyResults.fig.npsHint')} testId="sr-nps" onOpen={o(t('surveyResults.fig.nps'), { npsAnswered: 'true' })} />
        <Figure label={t('surveyResults.fig.promoters')} value={s.promoters} color="teal.7" testId="sr-promoters" onOpen={o(t('surveyResults.fig.promoters'), { npsGroup: 'promoters' })} />
        <Figure label={t('surveyResults.fig.passives')} value={s.passives} testId="sr-passives" onOpen={o(t('surveyResults.fig.passives'), { npsGroup: 'passives' })} />
        <Figure label={t('surveyResults.fig.detractors')} value={s.detractors} color={s.detractors ? 'red.7' : undefined} testId="sr-detractors" onOpen={o(t('surveyResults.fig.detractors'), { npsGroup: 'detractors' })} />
        <Figure label={t('surveyResults.fig.complaints')} value={s.complaints} color={s.complaints ? 'red.7' : undefined} testId="sr-complaints" onOpen={o(t('surveyResults.fig.complaints'), { complaint: 'true' })} />
        <Figure label={t('surveyResults.fig.low')} value={s.low} color={s.low ? 'orange.7' : undefined} hint={t('surveyResults.fig.lowHint')} testId="sr-low" onOpen={o(t('surveyResults.fig.low'), { low: 'true' })} />
        <Figure label={t('surveyResults.fig.remarks')} value={s.remarks} testId="sr-remarks" onOpen={o(t('surveyResults.fig.remarks'), { remarks: 'true' })} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md" style={{ alignItems: 'start' }}>
        {scored.map((q) => (
          <Figure key={q.key} label={questionLabel(q, t, lang)} value={avgText(s.averages[q.key], lang)} color={avgColor(s.averages[q.key])} hint={t('surveyResults.list.count', { total: s.answered[q.key] ?? 0 })}
            testId={`sr-avg-${q.key}`} onOpen={o(t('surveyResults.list.question', { name: questionLabel(q, t, lang) }), { question: q.key })} />
        ))}
      </SimpleGrid>
    </Block>
  );
}

/** One row of figures in a table (doctor, service, branch, month), each figure opening its calls. */
function FigureCells({ f, scored, base, title, open }: { f: FiguresT; scored: SurveyQuestionT[]; base: CallsDrill['filter']; title: string; open: OpenCalls }) {
  const { t } = useTranslation();
  const lang = useLang();
  const o = (what: string, filter: CallsDrill['filter']) => () => open({ title: `${title} — ${what}`, filter: { ...base, ...filter } });
  return (
    <>
      <Table.Td ta="right"><Cell onOpen={o(t('surveyResults.fig.count'), {})}>{f.count}</Cell></Table.Td>
      <Table.Td ta="right">
        {f.npsCount ? <Cell onOpen={o(t('surveyResults.fig.nps'), { npsAnswered: 'true' })}><Text span fw={700} c={npsColor(f.nps)}>{npsText(f.nps)}</Text></Cell> : '—'}
      </Table.Td>
      {scored.map((q) => (
        <Table.Td key={q.key} ta="right">
          {f.answered[q.key] ? <Cell onOpen={o(questionLabel(q, t, lang), { question: q.key })}><Text span c={avgColor(f.averages[q.key])}>{avgText(f.averages[q.key], lang)}</Text></Cell> : '—'}
        </Table.Td>
      ))}
      <Table.Td ta="right">{f.complaints ? <Cell onOpen={o(t('surveyResults.fig.complaints'), { complaint: 'true' })}><Text span c="red.7" fw={700}>{f.complaints}</Text></Cell> : 0}</Table.Td>
      <Table.Td ta="right">{f.low ? <Cell onOpen={o(t('surveyResults.fig.low'), { low: 'true' })}><Text span c="orange.7" fw={700}>{f.low}</Text></Cell> : 0}</Table.Td>
    </>
  );
}

function FigureHead({ first, scored }: { first: string; scored: SurveyQuestionT[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th miw={170}>{first}</Table.Th>
        {[t('surveyResults.fig.count'), t('surveyResults.fig.nps'), ...scored.map((q) => questionLabel(q, t, lang)), t('surveyResults.fig.complaints'), t('surveyResults.fig.low')].map(headerLabel).map((label, i) => (
          <Table.Th key={i} ta="right" fz="xs" style={{ whiteSpace: 'normal', lineHeight: 1.2, hyphens: 'auto', verticalAlign: 'bottom' }} lang="ru">{label}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** NPS per doctor as a chart and every figure per doctor in a table, with the way to the doctor's feedback. */
export function DoctorsBlock({ r, open, openDoctor }: { r: SurveyResultsT; open: OpenCalls; openDoctor: (id: string) => void }) {
  const { t } = useTranslation();
  const scored = r.questions.filter((q) => q.kind === 'score5');
  const name = (n: string | null) => n ?? t('surveyResults.doctors.noDoctor');
  const chart = r.byDoctor.filter((d) => d.nps !== null).map((d) => ({ doctor: name(d.doctorName), id: d.doctorId, nps: d.nps }));
  return (
    <Block title={t('surveyResults.doctors.title')} testId="sr-doctors">
      <Stack gap="md">
        {chart.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>{t('surveyResults.doctors.chart')}</Text>
            <BarChart
              h={Math.max(120, 44 * chart.length + 40)}
              data={chart}
              dataKey="doctor"
              orientation="vertical"
              yAxisProps={{ width: 170 }}
              xAxisProps={{ domain: [-100, 100] }}
              series={[{ name: 'nps', label: t('surveyResults.fig.nps'), color: 'teal.6' }]}
              getBarColor={(v) => (v >= 50 ? 'teal.6' : v >= 0 ? 'yellow.6' : 'red.6')}
              referenceLines={[{ x: 0, color: 'gray.6' }]}
              barProps={{ cursor: 'pointer', onClick: (d: { payload?: { id?: string | null; doctor?: string } }) => d.payload?.id && open({ title: `${d.payload.doctor} — ${t('surveyResults.fig.nps')}`, filter: { doctorId: d.payload.id, npsAnswered: 'true' } }) }}
              tickLine="none"
            />
          </div>
        )}
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover fz="sm" horizontalSpacing="xs" data-testid="sr-doctors-table">
            <FigureHead first={t('surveyResults.doctor')} scored={scored} />
            <Table.Tbody>
              {r.byDoctor.map((d) => (
                <Table.Tr key={d.doctorId ?? 'none'} data-testid="sr-doctor-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {d.doctorId ? (
                      <Anchor component="button" fw={600} fz="sm" onClick={() => openDoctor(d.doctorId!)} title={t('surveyResults.doctors.feedbackTitle')} data-testid="sr-doctor-feedback">{name(d.doctorName)}</Anchor>
                    ) : <Text fw={600} fz="sm">{name(d.doctorName)}</Text>}
                  </Table.Td>
                  {d.doctorId ? <FigureCells f={d} scored={scored} base={{ doctorId: d.doctorId }} title={name(d.doctorName)} open={open} /> : <Table.Td colSpan={scored.length + 4}>{d.count}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Block>
  );
}

/** The trend: NPS and each question's average by month, and the month's figures. */
export function TrendBlock({ months, questions, open }: { months: SurveyResultsT['byMonth']; questions: SurveyQuestionT[]; open: OpenCalls }) {
  const { t } = useTranslation();
  const lang = useLang();
  const scored = questions.filter((q) => q.kind === 'score5');
  const lowest = Math.min(5, ...months.flatMap((m) => scored.map((q) => m.averages[q.key] ?? 5)));
  // The averages live near the top of 1–5: start the axis just under the lowest, in half points.
  const floor = Math.max(1, Math.floor((lowest - 0.25) * 2) / 2);
  const data = months.map((m) => ({
    month: monthLabel(m.month, lang), nps: m.nps,
    ...Object.fromEntries(scored.map((q) => [q.key, m.averages[q.key]])),
  }));
  return (
    <Block title={t('surveyResults.trend.title')} testId="sr-trend">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" mb="md">
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>{t('surveyResults.trend.nps')}</Text>
          <LineChart h={240} data={data} dataKey="month" series={[{ name: 'nps', label: t('surveyResults.fig.nps'), color: 'teal.7' }]} yAxisProps={{ domain: [-100, 100] }}
            referenceLines={[{ y: 0, color: 'gray.5' }]} connectNulls curveType="linear" data-testid="sr-trend-nps" />
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={600} size="sm" mb={4}>{t('surveyResults.trend.averages')}</Text>
          <LineChart h={240} data={data} dataKey="month" yAxisProps={{ domain: [floor, 5] }} connectNulls withLegend
            series={scored.map((q, i) => ({ name: q.key, label: questionLabel(q, t, lang), color: LINE_COLORS[i % LINE_COLORS.length]! }))}
            valueFormatter={(v) => avgText(v, lang)} data-testid="sr-trend-averages" />
        </Paper>
      </SimpleGrid>
      <Table.ScrollContainer minWidth={760}>
        <Table striped fz="sm" horizontalSpacing="xs" data-testid="sr-months">
          <FigureHead first={t('surveyResults.trend.month')} scored={scored} />
          <Table.Tbody>
            {months.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthLabel(m.month, lang)}</Table.Td>
                <FigureCells f={m} scored={scored} base={{ month: m.month }} title={t('surveyResults.list.month', { name: monthLabel(m.month, lang) })} open={open} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Block>
  );
}

/** Figures per service of the visits (from their bills) and per branch when the clinic has several. */
export function ServicesBlock({ r, open, showBranches }: { r: SurveyResultsT; open: OpenCalls; showBranches: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const services = all ? r.byService : r.byService.slice(0, TOP_SERVICES);
  const scored = r.questions.filter((q) => q.kind === 'score5');
  return (
    <Block title={t('surveyResults.services.title')} testId="sr-services">
      <Text size="xs" c="dimmed" mt={-8} mb="xs">{t('surveyResults.services.hint')}</Text>
      {r.byService.length === 0 ? <Text c="dimmed" size="sm">{t('surveyResults.services.none')}</Text> : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover fz="sm" horizontalSpacing="xs" data-testid="sr-services-table">
            <FigureHead first={t('surveyResults.services.service')} scored={scored} />
            <Table.Tbody>
              {services.map((s) => (
                <Table.Tr key={s.code}>
                  <Table.Td><Text size="sm">{s.name}</Text><Text size="xs" c="dimmed">{s.code}</Text></Table.Td>
                  <FigureCells f={s} scored={scored} base={{ serviceCode: s.code }} title={t('surveyResults.list.service', { name: s.name })} open={open} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {r.byService.length > TOP_SERVICES && (
        <UnstyledButton mt="xs" c="blue.7" fz="sm" onClick={() => setAll(!all)} data-testid="sr-services-all">
          {all ? t('surveyResults.services.less') : t('surveyResults.services.all', { count: r.byService.length })}
        </UnstyledButton>
      )}
      {showBranches && r.byBranch.length > 0 && (
        <>
          <Text fw={600} size="sm" mt="md" mb={4}>{t('surveyResults.branches.title')}</Text>
          <Table.ScrollContainer minWidth={760}>
            <Table striped fz="sm" horizontalSpacing="xs" data-testid="sr-branches-table">
              <FigureHead first={t('surveyResults.branches.branch')} scored={scored} />
              <Table.Tbody>
                {r.byBranch.map((b) => (
                  <Table.Tr key={b.branchId ?? 'none'}>
                    <Table.Td>{b.branchName ?? '—'}</Table.Td>
                    {b.branchId ? <FigureCells f={b} scored={scored} base={{ branchId: b.branchId }} title={t('surveyResults.list.branch', { name: b.branchName })} open={open} /> : <Table.Td colSpan={scored.length + 4}>{b.count}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Block>
  );
}
