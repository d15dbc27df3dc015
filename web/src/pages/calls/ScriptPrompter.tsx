import { Accordion, Badge, Checkbox, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallScriptT } from '../../api/calls';

/** Seconds since `startedMs`, ticking every second. */
export function useElapsed(startedMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  return Math.max(0, Math.floor((now - startedMs) / 1000));
}

const mmss = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The call's length against the script's target (3 minutes by default, CALL-3). */
export function CallTimer({ startedMs, targetSec }: { startedMs: number; targetSec: number }) {
  const { t } = useTranslation();
  const s = useElapsed(startedMs);
  const over = s > targetSec;
  return (
    <div data-testid="call-timer">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {t('calls.timer.label')}: {mmss(s)}
        </Text>
        <Text size="xs" c={over ? 'orange.8' : 'dimmed'}>
          {over ? t('calls.timer.over') : t('calls.timer.target', { min: Math.round(targetSec / 60) })}
        </Text>
      </Group>
      <Progress value={Math.min(100, (s / targetSec) * 100)} color={over ? 'orange' : s > targetSec * 0.8 ? 'yellow' : 'teal'} size="sm" />
    </div>
  );
}

/**
 * CALL-3/11: the four stages as a checklist beside the call, with the clinic's phrases; the
 * forbidden phrases in red, the objection answers and the general rules folded below.
 */
export function ScriptPrompter({ script, version }: { script: CallScriptT; version: number }) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  return (
    <Stack gap="xs" data-testid="script-prompter">
      <Group justify="space-between">
        <Text fw={700}>{t('calls.script.title')}</Text>
        <Badge variant="light" color="gray">{version === 0 ? t('calls.script.seed') : t('calls.script.version', { v: version })}</Badge>
      </Group>
      {script.stages.map((stage) => {
        const done = stage.steps.every((_, i) => ticked[`${stage.key}.${i}`]);
        return (
          <Paper key={stage.key} withBorder p="xs" bg={done ? 'teal.0' : undefined} data-testid={`stage-${stage.key}`}>
            <Text size="sm" fw={700} mb={4}>{stage.title}</Text>
            <Stack gap={2}>
              {stage.steps.map((step, i) => (
                <Checkbox key={i} size="xs" label={step} checked={!!ticked[`${stage.key}.${i}`]} onChange={(e) => setTicked((m) => ({ ...m, [`${stage.key}.${i}`]: e.currentTarget.checked }))} />
              ))}
            </Stack>
            {stage.phrases.length > 0 && (
              <Stack gap={2} mt={6}>
                {stage.phrases.map((p, i) => (
                  <Text key={i} size="xs" fs="italic" c="dark.6">«{p}»</Text>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
      <Paper withBorder p="xs" bg="red.0" data-testid="forbidden-phrases">
        <Text size="sm" fw={700} c="red.9">{t('calls.script.forbidden')}</Text>
        <Group gap={6} mt={4}>
          {script.forbidden.map((f) => (
            <Badge key={f} color="red" variant="outline" tt="none" style={{ textDecoration: 'line-through' }}>{f}</Badge>
          ))}
        </Group>
      </Paper>
      <Accordion variant="contained" multiple>
        <Accordion.Item value="objections">
          <Accordion.Control>{t('calls.script.objections')}</Accordion.Control>
          <Accordion.Panel>
            <Stack gap={6}>
              {script.objections.map((o, i) => (
                <div key={i}>
                  <Text size="sm" fw={600}>«{o.objection}»</Text>
                  <Text size="sm">— {o.answer}</Text>
                </div>
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="rules">
          <Accordion.Control>{t('calls.script.rules')}</Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={2}>
              {script.rules.map((r, i) => <List.Item key={i}>{r}</List.Item>)}
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
