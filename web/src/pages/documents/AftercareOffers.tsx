import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVisitAftercare, type VisitAftercareT } from '../../api/aftercare';
import { documentPdfUrl, useIssueDocument } from '../../api/documents';
import { useCan } from '../../components/session';
import { notifyError, notifySaved } from '../../lib/notify';

type Visit = { id: string; patientId: string; status: string };

/**
 * DOC-7 and DOC-4 on the visit panel: once services are performed (a bill line, or the visit «Завершён»), the matching
 * post-treatment leaflets and the two warranty coupons, each issued and opened for printing in one click; what was
 * issued for the visit stays as a PDF link and is not offered again.
 */
export function AftercareOffers({ a }: { a: Visit }) {
  const { t } = useTranslation();
  const can = useCan();
  const live = a.status !== 'cancelled' && a.status !== 'no_show';
  const { data } = useVisitAftercare(a.id, a.status, live && can('patients.read'));
  const issue = useIssueDocument(a.patientId);
  const [busy, setBusy] = useState<string | null>(null);
  if (!live || !data || (!data.offers.length && !data.issued.length)) return null;

  const issueAndPrint = (o: VisitAftercareT['offers'][number]) => {
    // The tab opens at the click (a pop-up blocker allows that) and shows the PDF once the document is issued.
    const tab = window.open('', '_blank');
    if (tab) tab.document.body.textContent = t('docs.aftercare.wait');
    setBusy(o.templateCode);
    issue.mutate(
      { templateCode: o.templateCode, appointmentId: a.id },
      {
        onSuccess: (d) => {
          if (tab) tab.location.href = documentPdfUrl(d.id);
          notifySaved(t('docs.aftercare.done', { title: d.title }));
        },
        onError: (e) => {
          tab?.close();
          notifyError(e);
        },
        onSettled: () => setBusy(null),
      },
    );
  };
  const names = new Map(data.performed.map((p) => [p.code, p.name]));

  return (
    <Paper withBorder p="xs" radius="sm" bg="teal.0" data-testid="aftercare">
      <Stack gap={6}>
        <Text size="sm" fw={600}>{t('docs.aftercare.title')}</Text>
        {data.offers.map((o) => (
          <Group key={o.templateCode} gap="xs" wrap="nowrap" justify="space-between" align="center" data-testid="aftercare-offer" data-template={o.templateCode}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={500}>{o.title}</Text>
              <Text size="xs" c="dimmed" lineClamp={2}>{t('docs.aftercare.hint', { services: o.codes.map((c) => names.get(c) ?? c).join('; ') })}</Text>
            </div>
            {can('documents.issue') && (
              <Button size="compact-sm" color="teal" style={{ flexShrink: 0 }} loading={busy === o.templateCode} onClick={() => issueAndPrint(o)} data-testid="aftercare-issue">
                {t('docs.aftercare.offer')}
              </Button>
            )}
          </Group>
        ))}
        {data.issued.map((d) => (
          <Group key={d.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="aftercare-issued" data-template={d.templateCode}>
            <Text size="sm" c="teal.9" style={{ flex: 1, minWidth: 0 }}>✓ {t('docs.aftercare.issued')}: {d.title}</Text>
            <Anchor size="sm" href={documentPdfUrl(d.id)} target="_blank" rel="noopener">{t('docs.aftercare.pdf')}</Anchor>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
