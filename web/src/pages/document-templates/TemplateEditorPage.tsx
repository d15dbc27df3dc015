import { Alert, Anchor, Badge, Box, Button, Grid, Group, Loader, Popover, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSaveTemplate, useTemplate } from '../../api/documentTemplates';
import { QueryState } from '../../components/QueryState';
import { useClinicTimeZone } from '../../components/session';
import { useLang } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { notifications } from '@mantine/notifications';
import { InsertPanel } from './InsertPanel';
import { PdfPages } from './PdfPages';
import { usePdfPreview } from './usePdfPreview';

const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: 1.45 } };

/**
 * One template (issue #11, documents.manage): the text on the left, the placeholders to insert,
 * the live PDF on the right for a sample adult or child; saving makes a new version (an unknown
 * placeholder is refused with the server's message at the field); older versions read-only.
 */
export function TemplateEditorPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const tz = useClinicTimeZone();
  const q = useTemplate(code);
  const save = useSaveTemplate(code);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [child, setChild] = useState(false);
  const [bodyError, setBodyError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [drawn, setDrawn] = useState(0);
  const [insertOpen, setInsertOpen] = useState(false);
  const onDrawn = useCallback(() => setDrawn((n) => n + 1), []);

  const current = q.data?.current;
  useEffect(() => {
    if (current && loadedVersion === null) {
      setTitle(current.title);
      setBody(current.body);
      setLoadedVersion(current.version);
    }
  }, [current, loadedVersion]);

  const old = viewing !== null ? q.data?.versions.find((v) => v.version === viewing) ?? null : null;
  const dirty = !!current && (title !== current.title || body !== current.body);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const shown = old ? { title: old.title, body: old.body } : { title, body };
  const preview = usePdfPreview(current && shown.body.trim() && shown.title.trim() ? { ...shown, child, code } : null, lang);

  const versionOptions = useMemo(
    () => (q.data?.versions ?? []).slice().reverse().map((v) => {
      const label = `${t('tpl.versionN', { version: v.version })} · ${v.createdBy ? formatInstant(v.createdAt, tz) : t('tpl.builtIn')}`;
      return { value: String(v.version), label: v.version === current?.version ? t('tpl.editor.currentMark', { label }) : label };
    }),
    [q.data, current, t, tz],
  );

  if (!q.data || !current) return <QueryState isPending={q.isPending} error={q.error} />;
  const isConsent = current.kind === 'consent' || current.kind === 'pd_consent' || current.kind === 'mailing_consent';
  const lines = body.split('\n').length;

  const insert = (text: string, block: boolean) => {
    const el = area.current;
    const at = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    let piece = text;
    if (block) {
      const before = body.slice(0, at);
      piece = `${before && !before.endsWith('\n') ? '\n' : ''}${text}\n`;
    }
    setBody(body.slice(0, at) + piece + body.slice(end));
    setBodyError(null);
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(at + piece.length, at + piece.length);
    });
  };

  const submit = () => {
    setBodyError(null);
    setTitleError(null);
    save.mutate({ title: title.trim(), body }, {
      onSuccess: (saved) => {
        setLoadedVersion(saved.version);
        notifications.show({ color: 'teal', autoClose: isConsent ? 9000 : 3000, message: t(isConsent ? 'tpl.editor.savedConsent' : 'tpl.editor.saved', { version: saved.version }), 'data-testid': 'tpl-saved' } as never);
      },
      onError: (e) => {
        // Field problems show at the fields; anything else is the app's usual notification.
        if (!(e instanceof ApiError) || !e.errors.length) return;
        const msg = (f: string) => e.errors.filter((x) => x.field === f).map((x) => (lang === 'en' ? x.message_en : x.message_ru)).join('\n') || null;
        setBodyError(msg('body') ?? (msg('title') ? null : e.detailIn(lang)));
        setTitleError(msg('title'));
      },
    });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} to="/settings/document-templates" size="sm" onClick={(e) => { if (dirty && !window.confirm(t('tpl.editor.leave'))) e.preventDefault(); }}>
            {t('tpl.editor.back')}
          </Anchor>
          <Group gap="xs">
            <Title order={2} size="h3">{current.title}</Title>
            <Badge variant="light" data-testid="tpl-current-version">{t('tpl.versionN', { version: current.version })}</Badge>
            <Badge variant="light" color="gray">{t(`tpl.kind.${current.kind}`)}</Badge>
          </Group>
        </Stack>
        <Group gap="xs">
          <Select size="sm" w={300} label={t('tpl.editor.history')} value={String(viewing ?? current.version)} allowDeselect={false} data={versionOptions} data-testid="tpl-versions"
            onChange={(v) => setViewing(v && Number(v) !== current.version ? Number(v) : null)} />
        </Group>
      </Group>
      {isConsent && <Alert color="blue" variant="light" p="xs"><Text size="sm">{t('tpl.editor.consentNote')}</Text></Alert>}
      {old && (
        <Alert color="gray" variant="light" p="xs" data-testid="tpl-viewing-old">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('tpl.editor.viewing', { version: old.version, date: old.createdBy ? formatInstant(old.createdAt, tz) : t('tpl.builtIn') })}</Text>
            <Group gap="xs">
              <Button size="compact-sm" variant="light" onClick={() => { setTitle(old.title); setBody(old.body); setViewing(null); }}>{t('tpl.editor.useThis')}</Button>
              <Button size="compact-sm" variant="subtle" onClick={() => setViewing(null)}>{t('tpl.editor.backToCurrent')}</Button>
            </Group>
          </Group>
        </Alert>
      )}
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <TextInput label={t('tpl.editor.titleLabel')} value={shown.title} readOnly={!!old} error={titleError} onChange={(e) => { setTitle(e.currentTarget.value); setTitleError(null); }} data-testid="tpl-title" />
            <Textarea ref={area} label={t('tpl.editor.bodyLabel')} description={t('tpl.editor.bodyHelp')} value={shown.body} readOnly={!!old}
              onChange={(e) => { setBody(e.currentTarget.value); setBodyError(null); }}
              autosize minRows={22} maxRows={34} spellCheck={false} styles={{ ...mono, error: { whiteSpace: 'pre-line' } }} error={bodyError} data-testid="tpl-body" />
            {!old && (
              <Group gap="xs" justify="space-between">
                <Group gap="xs">
                  <Popover opened={insertOpen} onChange={setInsertOpen} position="top-start" width={400} shadow="md" withArrow trapFocus={false} returnFocus={false}>
                    <Popover.Target>
                      <Button variant="light" onClick={() => setInsertOpen((o) => !o)} data-testid="tpl-insert-open">{t('tpl.insert.title')}…</Button>
                    </Popover.Target>
                    <Popover.Dropdown p="xs">
                      <InsertPanel onInsert={(text, block) => { insert(text, block); setInsertOpen(false); }} />
                    </Popover.Dropdown>
                  </Popover>
                  <Button onClick={submit} loading={save.isPending} disabled={!dirty || !title.trim() || !body.trim()} data-testid="tpl-save">{t('tpl.editor.save')}</Button>
                  {dirty && <Button variant="subtle" color="gray" onClick={() => { setTitle(current.title); setBody(current.body); setBodyError(null); setTitleError(null); }}>{t('tpl.editor.reset')}</Button>}
                </Group>
                <Text size="xs" c={dirty ? 'orange' : 'dimmed'} data-testid="tpl-dirty">{dirty ? t('tpl.editor.unsaved') : t('tpl.editor.noChanges')} · {t('tpl.editor.lines', { n: lines })}</Text>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Text fw={600} size="sm">{t('tpl.editor.preview')}</Text>
                {preview.loading && <Loader size="xs" aria-label={t('tpl.editor.updating')} />}
              </Group>
              <SegmentedControl size="xs" value={child ? 'child' : 'adult'} onChange={(v) => setChild(v === 'child')} data-testid="tpl-sample"
                data={[{ value: 'adult', label: t('tpl.editor.adult') }, { value: 'child', label: t('tpl.editor.child') }]} />
            </Group>
            <Text size="xs" c="dimmed">{t('tpl.editor.sample')}</Text>
            {preview.error && (
              <Alert color="red" variant="light" p="xs" title={t('tpl.editor.previewFailed')} data-testid="tpl-preview-error">
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {preview.error.errors.length ? preview.error.errors.map((x) => (lang === 'en' ? x.message_en : x.message_ru)).join('\n') : preview.error.detailIn(lang)}
                </Text>
              </Alert>
            )}
            <Box h="calc(100vh - 230px)" mih={520} data-testid="tpl-preview" data-renders={drawn}
              style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'var(--mantine-color-gray-2)', overflowY: 'auto' }}>
              {preview.pdf ? (
                <PdfPages data={preview.pdf} label={t('tpl.editor.previewTitle')} onRendered={onDrawn} />
              ) : (
                <Group justify="center" align="center" h="100%"><Loader size="sm" aria-label={t('tpl.editor.updating')} /></Group>
              )}
            </Box>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
