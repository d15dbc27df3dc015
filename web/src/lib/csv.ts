/**
 * A table as a CSV file the Russian Excel opens right: UTF-8 with a BOM, «;» between cells
 * (a comma is the decimal separator there), quotes doubled. Built in the browser from the
 * figures already on the screen, so the file matches what the owner sees.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n');
}

export function downloadCsv(filename: string, header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): void {
  const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Kopecks as «1 500,00 ₽». */
export function rub(kopecks: number): string {
  return `${new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(kopecks / 100)} ₽`;
}

/** Minutes as hours with one decimal, «12,5». */
export function hoursOf(minutes: number): string {
  return new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(minutes / 60);
}
