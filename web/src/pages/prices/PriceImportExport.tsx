import { Alert, Button, FileButton, Group, Menu, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceImportResultT } from '../../../../src/contracts/price-files.js';
import { PRICE_FILE_MAX_BYTES } from '../../../../src/contracts/price-files.js';
import { ApiError, type FieldProblem } from '../../api/client';
import { downloadPriceFile, fileToBase64, importPriceFile, type PriceFileFormat } from '../../api/price-files';
import { useCan } from '../../components/session';
import { useLang } from '../../i18n';
import { notifyError, notifySaved } from '../../lib/notify';

interface Chosen {
  name: string;
  format: PriceFileFormat;
  fileBase64: string;
}
type Preview = { result: PriceImportResultT; error?: undefined } | { result?: undefined; error: { detail: string; errors: FieldProblem[] } };

/** `rows.12.Код МЗ` → row 12, column «Код МЗ»; anything else is about the file as a whole. */
function rowOf(field: string): { row: number; column: string } | null {
  const m = /^rows\.(\d+)\.(.+)$/.exec(field);
  return m ? { row: Number(m[1]), column: m[2] } : null;
}

/**
 * «Экспорт» and «Импорт» of the price list header (DESK-4): the list in force on `date` (today by
 * default) as CSV for Excel or XLSX, for everyone who reads prices; for management a file is
 * checked first (a dry run: counts and the wrong rows by row and column) and applied only on
 * «Загрузить», all or nothing.
 */
export function PriceImportExport({ date }: { date?: string } = {}): JSX.Element | null {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileKey, setFileKey] = useState(0);

  if (!can('prices.read')) return null;
  const k = (key: string, o?: Record<string, unknown>) => t(`prices.importExport.${key}`, o ?? {});

  const download = async (format: PriceFileFormat) => {
    try {
      await downloadPriceFile(format, lang, date);
    } catch (e) {
      notifyError(e);
    }
  };

  const failed = (e: unknown): Preview => ({
    error: e instanceof ApiError ? { detail: e.detailIn(lang), errors: e.errors } : { detail: e instanceof Error ? e.message : String(e), errors: [] },
  });

  const choose = async (file: File | null) => {
    setFileKey((n) => n + 1); // the same file may be chosen again after it is fixed
    if (!file) return;
    const format: PriceFileFormat = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv';
    if (file.size > PRICE_FILE_MAX_BYTES) {
      setChosen({ name: file.name, format, fileBase64: '' });
      setPreview({ error: { detail: k('tooBig'), errors: [] } });
      return;
    }
    setBusy(true);
    try {
      const c = { name: file.name, format, fileBase64: await fileToBase64(file) };
      setChosen(c);
      setPreview({ result: await importPriceFile({ format: c.format, fileBase64: c.fileBase64, dryRun: true }) });
    } catch (e) {
      setChosen((c) => c ?? { name: file.name, format, fileBase64: '' });
      setPreview(failed(e));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setChosen(null);
    setPreview(null);
  };

  const apply = async () => {
    if (!chosen) return;
    setBusy(true);
    try {
      const r = await importPriceFile({ format: chosen.format, fileBase64: chosen.fileBase64 });
      void qc.invalidateQueries({ queryKey: ['price-list'] });
      notifySaved(k('done', { created: r.created, updated: r.updated, repriced: r.repriced }));
      close();
    } catch (e) {
      setPreview(failed(e));
    } finally {
      setBusy(false);
    }
  };

  const result = preview?.result;
  const changes = result ? result.created + result.updated + result.repriced : 0;
  const errors = preview?.error?.errors ?? [];
  const msg = (e: FieldProblem) => (lang === 'en' ? e.message_en : e.message_ru) || e.message;

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" data-testid="price-export">{k('export')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void download('csv')} data-testid="price-export-csv">{k('csv')}</Menu.Item>
          <Menu.Item onClick={() => void download('xlsx')} data-testid="price-export-xlsx">{k('xlsx')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {can('prices.write') && (
        <FileButton key={fileKey} onChange={(f) => void choose(f)} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button {...props} variant="default" loading={busy && !chosen} data-testid="price-import">
              {k('import')}
            </Button>
          )}
        </FileButton>
      )}
      <Modal opened={!!chosen} onClose={close} title={k('title')} size="lg" data-testid="price-import-modal">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">{k('file', { name: chosen?.name ?? '' })}</Text>
          {result && (
            <>
              <Table withRowBorders={false} data-testid="price-import-counts">
                <Table.Tbody>
                  {(['created', 'updated', 'repriced', 'unchanged', 'rows'] as const).map((key) => (
                    <Table.Tr key={key}>
                      <Table.Td>{k(`count.${key}`)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{result[key]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="sm">{changes ? k('hint') : k('nothing')}</Text>
            </>
          )}
          {preview?.error && (
            <Alert color="red" variant="light" role="alert" title={preview.error.detail} data-testid="price-import-errors">
              {errors.length > 0 && (
                <ScrollArea.Autosize mah={320}>
                  <Table fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{k('row')}</Table.Th>
                        <Table.Th>{k('column')}</Table.Th>
                        <Table.Th>{k('problem')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {errors.map((e, i) => {
                        const at = rowOf(e.field);
                        return (
                          <Table.Tr key={i}>
                            <Table.Td>{at?.row ?? '—'}</Table.Td>
                            <Table.Td>{at?.column ?? k('wholeFile')}</Table.Td>
                            <Table.Td>{msg(e)}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{k('cancel')}</Button>
            {result && (
              <Button onClick={() => void apply()} loading={busy} disabled={!changes} data-testid="price-import-apply">
                {k('apply')}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
