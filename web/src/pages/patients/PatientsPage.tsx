import { Anchor, Button, Group, Kbd, Loader, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { usePatientSearch } from '../../api/patients';
import { PATIENT_SEARCH_ID } from '../../components/GlobalHotkeys';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useClinicTimeZone } from '../../components/session';
import { ageOn, displayPhone, formatDate, todayIn } from '../../lib/format';
import { patientName, PdStateBadge } from '../retention/pdState';

/**
 * The desk's main screen (PAT-2): one box for surname, phone in any format or card number,
 * results as you type. ↑/↓ move the highlight, Enter opens the card, Esc clears the box.
 * The query lives in the URL so "Back" from a card returns to the same results.
 */
export function PatientsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const tz = useClinicTimeZone();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q.trim(), 150);
  const [highlight, setHighlight] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const { data, isFetching, isPending, isPlaceholderData } = usePatientSearch(debounced);
  const items = data?.items ?? [];
  // Enter pressed before the results for what is typed arrived: open the first hit when they do.
  const [pendingEnter, setPendingEnter] = useState(false);
  const fresh = !!data && !isPlaceholderData && debounced === q.trim();
  const today = todayIn(tz);

  useEffect(() => {
    setHighlight(0);
    setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, setParams]);

  useEffect(() => {
    // Arriving by "/" or Ctrl+K from another page: the cursor goes straight into the box.
    if ((location.state as { focusSearch?: boolean } | null)?.focusSearch) inputRef.current?.focus();
  }, [location.state]);

  const open = (id: string) => navigate(`/patients/${id}`);

  useEffect(() => {
    if (!pendingEnter || !fresh) return;
    setPendingEnter(false);
    if (items[0]) open(items[0].id);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setHighlight((h) => Math.min(h + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!fresh) setPendingEnter(true);
      else if (items[highlight]) open(items[highlight].id);
    } else if (e.key === 'Escape') {
      setQ('');
    }
  };

  useEffect(() => {
    document.getElementById(`patient-row-${highlight}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  return (
    <>
      <PageHeader title={t('patients.title')}>
        {can('patients.write') && (
          <Button component={Link} to="/patients/new" data-testid="new-patient">
            {t('patients.new')}
          </Button>
        )}
      </PageHeader>
      <TextInput
        id={PATIENT_SEARCH_ID}
        ref={inputRef}
        size="lg"
        label={t('patients.searchLabel')}
        placeholder={t('patients.searchPlaceholder')}
        description={
          <>
            <Kbd size="xs">/</Kbd> {t('common.or')} <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">K</Kbd> —{' '}
            {t('patients.searchHintFocus')}; <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> — {t('patients.searchHintMove')};{' '}
            <Kbd size="xs">Enter</Kbd> — {t('patients.searchHintOpen')}
          </>
        }
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPendingEnter(false);
        }}
        onKeyDown={onKeyDown}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-controls="patient-results"
        aria-activedescendant={items.length ? `patient-row-${highlight}` : undefined}
        rightSection={isFetching ? <Loader size="xs" /> : null}
        styles={{ description: { fontSize: 'var(--mantine-font-size-xs)', marginTop: 4 } }}
        mb="md"
      />
      <Paper withBorder>
        <Table highlightOnHover id="patient-results" data-testid="patient-results" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('patients.cardNo')}</Table.Th>
              <Table.Th>{t('patients.fullName')}</Table.Th>
              <Table.Th w={200}>{t('patients.birthDate')}</Table.Th>
              <Table.Th w={200}>{t('patients.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p, i) => (
              <Table.Tr
                key={p.id}
                id={`patient-row-${i}`}
                data-testid="patient-row"
                data-highlighted={i === highlight}
                data-clickable="true"
                aria-selected={i === highlight}
                onClick={() => open(p.id)}
                onMouseEnter={() => setHighlight(i)}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${p.id}`} fw={600} onClick={(e) => e.stopPropagation()} onFocus={() => setHighlight(i)}>
                    {p.cardNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td fw={500} c={p.pdState === 'destroyed' ? 'dimmed' : undefined} data-pd-state={p.pdState}>
                  {patientName(p, t)}
                  <PdStateBadge state={p.pdState} />
                </Table.Td>
                <Table.Td>
                  {p.birthDate ? (
                    <>
                      {formatDate(p.birthDate)}{' '}
                      <Text span c="dimmed" size="sm">
                        ({t('patients.age', { count: ageOn(p.birthDate, today) })})
                      </Text>
                    </>
                  ) : (
                    <Text span c="dimmed" size="sm">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{displayPhone(p.phone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!isPending && items.length === 0 && (
          <Group p="lg" justify="center" gap="sm" data-testid="no-patients">
            <Text c="dimmed">{debounced ? t('patients.notFound', { q: debounced }) : t('patients.empty')}</Text>
            {can('patients.write') && (
              <Button variant="light" size="xs" component={Link} to="/patients/new">
                {t('patients.new')}
              </Button>
            )}
          </Group>
        )}
        {data?.hasMore && (
          <Text size="sm" c="dimmed" p="sm" ta="center">
            {debounced ? t('patients.moreRefine') : t('patients.newestOnly')}
          </Text>
        )}
      </Paper>
      {!debounced && items.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('patients.newestHint')}
        </Text>
      )}
    </>
  );
}
