import type { JSX } from 'react';

/**
 * Placeholder: the «Импорт» / «Экспорт» buttons of the price list header are being written by
 * another engineer, who replaces this body (the buttons render only for the roles allowed).
 * The price list page renders it in its header already.
 */
export function PriceImportExport(): JSX.Element | null {
  return null;
}
