import { Button, Collapse, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

const FILL_RULES = ['fillWho', 'fillHow', 'fillNoMedical', 'fillMinutes', 'fillAlert', 'fillChange'] as const;

/** SVC-11: the regulation on the service card — purpose, structure, filling rules — folded away. */
export function ServiceCardRules() {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls="svc-rules"
        leftSection={<span aria-hidden>{opened ? '▾' : '▸'}</span>}
        data-testid="svc-rules-toggle"
      >
        {t('desk.rules.toggle')}
      </Button>
      <Collapse expanded={opened} id="svc-rules">
        <Paper bg="gray.0" p="md" mt="xs" radius="sm" data-testid="svc-rules">
          <Stack gap="xs" maw={860}>
            <Title order={4} size="h6">
              {t('desk.rules.purposeTitle')}
            </Title>
            <Text size="sm">{t('desk.rules.purpose')}</Text>
            <Title order={4} size="h6" mt="xs">
              {t('desk.rules.structureTitle')}
            </Title>
            <Text size="sm">{t('desk.rules.structure')}</Text>
            <Title order={4} size="h6" mt="xs">
              {t('desk.rules.fillTitle')}
            </Title>
            <List size="sm" spacing={6}>
              {FILL_RULES.map((k) => (
                <List.Item key={k}>{t(`desk.rules.${k}`)}</List.Item>
              ))}
            </List>
          </Stack>
        </Paper>
      </Collapse>
    </div>
  );
}
