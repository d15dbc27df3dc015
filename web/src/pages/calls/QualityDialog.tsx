import { Alert, Button, Group, Modal, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { scoreOf, type QualityAnswers } from '../../../../src/domain/calls/call-quality.js';
import { useCallQuality, useScoreCall } from '../../api/callQuality';
import type { CallT } from '../../api/calls';
import { FormErrors } from '../../components/FormErrors';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { useFieldErrors } from '../../lib/fieldErrors';
import { formatInstant } from '../../lib/format';
import { notifySaved } from '../../lib/notify';

type Mark = 'yes' | 'no' | 'na';
const toMark = (v: boolean | null | undefined): Mark => (v === null ? 'na' : v === false ? 'no' : 'yes');
const fromMark = (m: Mark) => (m === 'na' ? null : m === 'yes');
export const pctText = (pct: number | null) => (pct === null ? '—' : `${String(pct).replace('.', ',')} %`);

/**
 * CALL-8: «Оценить звонок» — the supervisor ticks the checklist (every item starts as done: the
 * misses are what is marked), sees the score as it changes, adds a comment for the review.
 */
export function QualityDialog({ call, onClose }: { call: CallT | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const q = useCallQuality(call?.id ?? null);
  const save = useScoreCall(call?.id ?? '');
  const errors = useFieldErrors(save.error);
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [comment, setComment] = useState('');
  useEffect(() => {
    if (!q.data) return;
    setMarks(Object.fromEntries(q.data.checklist.map((i) => [i.key, toMark(q.data.score?.items[i.key])])));
    setComment(q.data.score?.comment ?? '');
  }, [q.data]);
  useEffect(() => save.reset(), [call?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const answers = Object.fromEntries(Object.entries(marks).map(([k, m]) => [k, fromMark(m)])) as QualityAnswers;
  const { score, max } = scoreOf(answers);
  const pct = max ? Math.round((score / max) * 1000) / 10 : null;
  const submit = () =>
    save.mutate({ items: answers, comment: comment.trim() || null }, { onSuccess: () => { notifySaved(t('quality.saved')); onClose(); } });
  return (
    <Modal opened={!!call} onClose={onClose} title={t('quality.dialogTitle')} size="xl" data-testid="quality-dialog">
      {call && (
        <Stack gap="sm">
          <Text fw={600}>{call.patientName ?? call.callerName ?? ''} <Text span c="dimmed" size="sm">{t('quality.callInfo', { when: formatInstant(call.startedAt, tz), admin: call.userName ?? '—' })}</Text></Text>
          <Text size="sm" c="dimmed">{t('quality.hint')}</Text>
          {!q.data ? <QueryState isPending={q.isPending} error={q.error} /> : (
            <>
              {q.data.score && (
                <Alert color="blue" variant="light">{t('quality.scoredBefore', { who: q.data.score.scoredByName ?? '', when: formatInstant(q.data.score.createdAt, tz) })}</Alert>
              )}
              <Table verticalSpacing={4} fz="sm">
                <Table.Tbody>
                  {q.data.checklist.map((item, i) => (
                    <Table.Tr key={item.key} data-testid={`quality-item-${item.key}`} bg={marks[item.key] === 'no' ? 'var(--mantine-color-red-0)' : undefined}>
                      <Table.Td w={28} c="dimmed">{i + 1}.</Table.Td>
                      <Table.Td>{lang === 'en' ? item.en : item.ru}</Table.Td>
                      <Table.Td w={270}>
                        <SegmentedControl
                          size="xs"
                          fullWidth
                          value={marks[item.key] ?? 'yes'}
                          onChange={(v) => setMarks((m) => ({ ...m, [item.key]: v as Mark }))}
                          color={marks[item.key] === 'no' ? 'red' : marks[item.key] === 'na' ? 'gray' : 'teal'}
                          data={[{ value: 'yes', label: t('quality.yes') }, { value: 'no', label: t('quality.no') }, { value: 'na', label: t('quality.na') }]}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Textarea label={t('quality.comment')} autosize minRows={2} maxLength={4000} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="quality-comment" />
              <FormErrors messages={errors.rest(() => false)} />
              <Group justify="space-between">
                <Text fw={700} size="lg" data-testid="quality-total">{t('quality.total', { score, max, pct: pctText(pct) })}</Text>
                <Button onClick={submit} loading={save.isPending} disabled={!max} data-testid="quality-save">{t('quality.save')}</Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
