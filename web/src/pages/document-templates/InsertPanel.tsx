import { Accordion, Code, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIVES, PLACEHOLDERS } from '../../../../src/domain/document-template-format.js';

const GROUPS = ['clinic', 'branch', 'patient', 'representative', 'signer', 'doctor', 'visit', 'document', 'law'] as const;
const groupOf = (name: string) => (name.includes('.') ? name.split('.')[0] : 'document');

/** The placeholders and block directives a template may use, grouped; a click inserts one at the cursor. */
export function InsertPanel({ onInsert, disabled }: { onInsert: (text: string, block: boolean) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('ru');
    const all = Object.entries(PLACEHOLDERS).filter(([k, v]) => !needle || k.toLowerCase().includes(needle) || v.toLocaleLowerCase('ru').includes(needle));
    return GROUPS.map((g) => ({ g, items: all.filter(([k]) => groupOf(k) === g) })).filter((x) => x.items.length);
  }, [filter]);
  const item = (key: string, code: string, label: string, block: boolean) => (
    <UnstyledButton key={key} disabled={disabled} onClick={() => onInsert(code, block)} data-testid={`tpl-insert-${key}`}
      style={{ display: 'block', width: '100%', padding: '4px 6px', borderRadius: 4, opacity: disabled ? 0.5 : 1 }}
      className="tpl-insert-item">
      <Code fz={11}>{code}</Code>
      <Text size="xs" c="dimmed" lh={1.3}>{label}</Text>
    </UnstyledButton>
  );
  return (
    <Stack gap={6}>
      <Text fw={600} size="sm">{t('tpl.insert.title')}</Text>
      <Text size="xs" c="dimmed">{t('tpl.insert.help')}</Text>
      <TextInput size="xs" placeholder={t('tpl.insert.filter')} aria-label={t('tpl.insert.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" offsetScrollbars>
        <Accordion multiple defaultValue={['directives', 'patient']} variant="filled" chevronPosition="left" styles={{ control: { paddingBlock: 2 }, label: { paddingBlock: 6 }, content: { padding: 4 } }}>
          {!filter.trim() && (
            <Accordion.Item value="directives">
              <Accordion.Control><Text size="sm">{t('tpl.insert.groups.directives')}</Text></Accordion.Control>
              <Accordion.Panel>{DIRECTIVES.map((d) => item(`directive-${d.replace(' ', '-')}`, `[[${d}]]`, t(`tpl.insert.directive.${d}`), true))}</Accordion.Panel>
            </Accordion.Item>
          )}
          {groups.map(({ g, items }) => (
            <Accordion.Item key={g} value={g}>
              <Accordion.Control><Text size="sm">{t(`tpl.insert.groups.${g}`)}</Text></Accordion.Control>
              <Accordion.Panel>{items.map(([k, v]) => item(k, `{{${k}}}`, v, false))}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </ScrollArea.Autosize>
    </Stack>
  );
}
