import { DonutChart } from '@mantine/charts';
import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeavingStatsT } from '../../api/surveyResults';
import { Block, Figure } from '../statistics/parts';

const COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.7', 'indigo.6'];

/** DESK-3 «Пациент уходит»: of the period's finished visits whose leaving the desk recorded — reviews asked and where, flyers, gifts, the next visit. */
export function LeavingBlock({ s }: { s: LeavingStatsT }) {
  const { t } = useTranslation();
  const share = (n: number) => (s.recorded ? t('surveyResults.leaving.share', { share: Math.round((n * 100) / s.recorded) }) : undefined);
  return (
    <Block title={t('surveyResults.leaving.title')} testId="sr-leaving">
      <Text size="xs" c="dimmed" mt={-8} mb="sm">{t('surveyResults.leaving.hint')}</Text>
      {s.recorded === 0 ? <Text c="dimmed" size="sm">{t('surveyResults.leaving.none')}</Text> : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <SimpleGrid cols={3} spacing="md" verticalSpacing="md" style={{ alignItems: 'start' }}>
            <Figure label={t('surveyResults.leaving.recorded')} value={s.recorded} testId="sr-leaving-recorded" />
            <Figure label={t('surveyResults.leaving.reviewAsked')} value={s.reviewAsked} hint={share(s.reviewAsked)} testId="sr-leaving-review" />
            <Figure label={t('surveyResults.leaving.flyers')} value={s.flyers} hint={share(s.flyers)} testId="sr-leaving-flyers" />
            <Figure label={t('surveyResults.leaving.gifts')} value={s.gifts} hint={share(s.gifts)} testId="sr-leaving-gifts" />
            <Figure label={t('surveyResults.leaving.nextBooked')} value={s.nextBooked} hint={share(s.nextBooked)} testId="sr-leaving-booked" />
            <Figure label={t('surveyResults.leaving.nextAgreed')} value={s.nextAgreed} hint={share(s.nextAgreed)} testId="sr-leaving-agreed" />
          </SimpleGrid>
          <Stack gap={4}>
            <Text fw={600} size="sm">{t('surveyResults.leaving.bySite')}</Text>
            {s.bySite.length === 0 ? <Text c="dimmed" size="sm">{t('surveyResults.leaving.noSites')}</Text> : (
              <Group align="center" gap="lg" wrap="nowrap">
                <DonutChart size={130} thickness={22} data={s.bySite.map((x, i) => ({ name: x.site, value: x.count, color: COLORS[i % COLORS.length]! }))} withTooltip />
                <Stack gap={2} data-testid="sr-leaving-sites">
                  {s.bySite.map((x, i) => (
                    <Group key={x.site} gap={6} wrap="nowrap">
                      <div style={{ width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${COLORS[i % COLORS.length]!.replace('.', '-')})` }} />
                      <Text size="sm">{x.site}: <b>{x.count}</b></Text>
                    </Group>
                  ))}
                </Stack>
              </Group>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Block>
  );
}
