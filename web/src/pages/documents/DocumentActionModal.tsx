import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentPdfUrl, usePaperDocument, usePatientDocuments, useRefuseDocument, useSignDocument } from '../../api/documents';
import { DateField } from '../../components/DateField';
import { FormErrors } from '../../components/FormErrors';
import { useClinicTimeZone } from '../../components/session';
import { useFieldErrors } from '../../lib/fieldErrors';
import { todayIn } from '../../lib/format';
import { notifySaved } from '../../lib/notify';
import { SignatureCanvas, type SignatureCanvasHandle } from './SignatureCanvas';

export type DocumentAction = 'sign' | 'paper' | 'refuse';

type Props = {
  doc: { id: string; title: string };
  patient: { id: string; name: string };
  initial?: DocumentAction;
  onClose: () => void;
  onDone?: () => void;
};

/** One open document: sign on screen (the pad), mark signed on paper with the date, or record a refusal with the reason. */
export function DocumentActionModal({ doc, patient, initial = 'sign', onClose, onDone }: Props) {
  const { t } = useTranslation();
  const tz = useClinicTimeZone();
  const [mode, setMode] = useState<DocumentAction>(initial);
  const reg = usePatientDocuments(patient.id).data;
  const pad = useRef<SignatureCanvasHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [date, setDate] = useState<string | null>(todayIn(tz));
  const [reason, setReason] = useState('');
  const sign = useSignDocument();
  const paper = usePaperDocument();
  const refuse = useRefuseDocument();
  const active = mode === 'sign' ? sign : mode === 'paper' ? paper : refuse;
  const errors = useFieldErrors(active.error);

  const rep = reg?.representative;
  const signsRep = !!reg?.child;
  const signerText = signsRep
    ? rep?.fullName
      ? t('docs.sign.signerRep', { name: rep.fullName, relation: rep.relation || t('docs.register.representative') })
      : null
    : t('docs.sign.signerPatient', { name: patient.name });

  const done = (msg: string) => {
    notifySaved(msg);
    onDone?.();
    onClose();
  };
  const submit = () => {
    if (mode === 'sign') {
      const png = pad.current?.png();
      if (!png) return;
      sign.mutate({ id: doc.id, signaturePng: png }, { onSuccess: () => done(t('docs.sign.signed')) });
    } else if (mode === 'paper') {
      if (date) paper.mutate({ id: doc.id, date }, { onSuccess: () => done(t('docs.paper.saved')) });
    } else refuse.mutate({ id: doc.id, reason: reason.trim() }, { onSuccess: () => done(t('docs.refuse.saved')) });
  };
  const blocked = signsRep && !rep?.fullName && mode !== 'refuse';

  return (
    <Modal opened onClose={onClose} size="xl" title={<Text fw={700}>{doc.title}</Text>} closeOnClickOutside={false} data-testid="doc-action-modal">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as DocumentAction)}
            data={[
              { value: 'sign', label: t('docs.sign.title') },
              { value: 'paper', label: t('docs.paper.title') },
              { value: 'refuse', label: t('docs.refuse.title') },
            ]}
            data-testid="doc-action-mode"
          />
          <Anchor href={documentPdfUrl(doc.id)} target="_blank" rel="noopener" size="sm" data-testid="doc-read-pdf">
            {t('docs.sign.read')}
          </Anchor>
        </Group>
        {signerText && mode !== 'refuse' && (
          <Text size="sm">
            {t('docs.sign.signer')}: <b data-testid="doc-signer">{signerText}</b>
          </Text>
        )}
        {blocked && (
          <Alert color="red" variant="light" data-testid="doc-no-rep">
            {t('docs.sign.noRep')}
          </Alert>
        )}
        {mode === 'sign' && !blocked && (
          <>
            <Text size="sm" c="dimmed">{t('docs.sign.hint')}</Text>
            <SignatureCanvas ref={pad} onChange={setEmpty} />
          </>
        )}
        {mode === 'paper' && !blocked && (
          <DateField label={t('docs.paper.date')} value={date} onChange={setDate} maxDate={todayIn(tz)} error={errors.field('date')} w={200} clearable={false} data-testid="doc-paper-date" />
        )}
        {mode === 'refuse' && (
          <>
            <Text size="sm" c="dimmed">{t('docs.refuse.hint')}</Text>
            <Textarea
              label={t('docs.refuse.reason')}
              placeholder={t('docs.refuse.reasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={1000}
              error={errors.field('reason')}
              data-autofocus
              data-testid="doc-refuse-reason"
            />
          </>
        )}
        <FormErrors messages={errors.rest((f) => f === 'date' || f === 'reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('docs.rep.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={active.isPending}
            disabled={blocked || (mode === 'sign' && empty) || (mode === 'paper' && !date) || (mode === 'refuse' && !reason.trim())}
            color={mode === 'refuse' ? 'red' : undefined}
            size="md"
            data-testid="doc-action-submit"
          >
            {mode === 'sign' ? t('docs.sign.submit') : mode === 'paper' ? t('docs.paper.submit') : t('docs.refuse.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
