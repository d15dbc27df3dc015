import { Alert, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIssueDocument, usePatientDocuments, useSetPlannedServices, useVisitDocuments, type MissingDocumentT } from '../../api/documents';
import { usePriceList } from '../../api/prices';
import { useCan } from '../../components/session';
import { notifySaved } from '../../lib/notify';
import { DocumentActionModal } from './DocumentActionModal';

type Visit = { id: string; patientId: string; status: string; patientName: string };

/**
 * The visit panel's documents: what the visit still needs signed before treatment (a missing consent for the planned
 * intervention in red, for the doctor), each signed in one click, and the planned services the consents follow from.
 */
export function VisitDocuments({ a }: { a: Visit }) {
  const { t } = useTranslation();
  const can = useCan();
  const live = a.status !== 'cancelled' && a.status !== 'no_show';
  const { data } = useVisitDocuments(a.id, live && can('patients.read'));
  const issue = useIssueDocument(a.patientId);
  const reg = usePatientDocuments(a.patientId, live && can('patients.read')).data;
  const [open, setOpen] = useState<{ id: string; title: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mayIssue = can('documents.issue');
  if (!live || !data) return null;

  const consentMissing = data.missing.some((m) => m.reason === 'planned_intervention');
  const signNow = (m: MissingDocumentT) => {
    if (m.issuedId) return setOpen({ id: m.issuedId, title: m.title });
    setBusy(m.templateCode);
    issue.mutate(
      { templateCode: m.templateCode, appointmentId: a.id },
      { onSuccess: (d) => setOpen({ id: d.id, title: d.title }), onSettled: () => setBusy(null) },
    );
  };

  const rep = reg?.representative;
  return (
    <Stack gap={6} data-testid="visit-documents">
      {reg?.child && (
        <Text size="sm" c={rep?.fullName ? undefined : 'red.8'} fw={rep?.fullName ? undefined : 600} data-testid="visit-representative">
          {rep?.fullName ? t('docs.rep.signs', { name: `${rep.fullName}${rep.relation ? ` (${rep.relation})` : ''}` }) : t('docs.rep.childMissing')}
        </Text>
      )}
      {data.missing.length > 0 ? (
        <Alert
          color={consentMissing ? 'red' : 'orange'}
          variant={consentMissing ? 'filled' : 'light'}
          p="xs"
          title={consentMissing ? t('docs.visit.missingConsentTitle') : t('docs.visit.missingTitle')}
          data-testid="visit-documents-missing"
        >
          {consentMissing && <Text size="xs" mb={4}>{t('docs.visit.doctorWarning')}</Text>}
          <Stack gap={6}>
            {data.missing.map((m) => (
              <div key={m.templateCode} data-testid="missing-document" data-template={m.templateCode} data-reason={m.reason}>
                <Group gap="xs" wrap="nowrap" justify="space-between" align="center">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={m.reason === 'planned_intervention' ? 700 : 500} c="inherit">{shortTitle(m.title)}</Text>
                    <Text size="xs" c={consentMissing ? 'inherit' : 'dimmed'} opacity={consentMissing ? 0.85 : 1}>
                      {t(`docs.visit.reason.${m.reason}`)}
                      {m.issuedId ? ` · ${t('docs.visit.issuedNotSigned')}` : ''}
                    </Text>
                  </div>
                  {mayIssue && (
                    <Button size="compact-sm" style={{ flexShrink: 0 }} variant={consentMissing ? 'white' : 'filled'} color={consentMissing ? 'red' : 'orange'} loading={busy === m.templateCode}
                      onClick={() => signNow(m)} data-testid="missing-sign">
                      {t('docs.visit.issueSign')}
                    </Button>
                  )}
                </Group>
              </div>
            ))}
          </Stack>
        </Alert>
      ) : (
        <Text size="sm" c="teal.8" data-testid="visit-documents-ok">✓ {t('docs.visit.allSigned')}</Text>
      )}
      <PlannedServices appointmentId={a.id} codes={data.plannedServices} editable={mayIssue && a.status !== 'done'} />
      {open && <DocumentActionModal doc={open} patient={{ id: a.patientId, name: a.patientName }} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function PlannedServices({ appointmentId, codes, editable }: { appointmentId: string; codes: string[]; editable: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string[] | null>(null);
  const prices = usePriceList({ q: '', section: null, date: null, includeInactive: false }).data?.items;
  const save = useSetPlannedServices(appointmentId);
  const names = useMemo(() => new Map((prices ?? []).map((p) => [p.code, p.name])), [prices]);
  const options = useMemo(() => {
    const bySection = new Map<string, { value: string; label: string }[]>();
    for (const p of prices ?? []) bySection.set(p.section, [...(bySection.get(p.section) ?? []), { value: p.code, label: `${p.code} ${p.name}` }]);
    return [...bySection.entries()].map(([group, items]) => ({ group, items }));
  }, [prices]);

  if (draft) {
    return (
      <Stack gap={6} data-testid="planned-editor">
        <MultiSelect label={t('docs.visit.planned')} placeholder={t('docs.visit.plannedPlaceholder')} data={options} value={draft} onChange={setDraft} searchable clearable maxDropdownHeight={300} data-testid="planned-select" />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={() => setDraft(null)}>{t('docs.visit.cancel')}</Button>
          <Button size="xs" loading={save.isPending} data-testid="planned-save"
            onClick={() => save.mutate(draft, { onSuccess: () => { notifySaved(t('docs.visit.plannedSaved')); setDraft(null); } })}>
            {t('docs.visit.savePlanned')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start" data-testid="planned-services">
      <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
        <Text span c="dimmed">{t('docs.visit.planned')}: </Text>
        {codes.length ? codes.map((c) => names.get(c) ?? c).join('; ') : <Text span c="dimmed">{t('docs.visit.noPlanned')}</Text>}
      </Text>
      {editable && (
        <Button size="compact-xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => setDraft(codes)} data-testid="planned-edit">
          {t('docs.visit.editPlanned')}
        </Button>
      )}
    </Group>
  );
}

/** «Информированное добровольное согласие: местная анестезия» → «Согласие: местная анестезия» (the panel is narrow). */
const shortTitle = (title: string) => title.replace(/^Информированное добровольное согласие:\s*/, 'Согласие: ');
