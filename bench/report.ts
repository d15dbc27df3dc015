import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  name: string;
  metric: string;
  value: number;
  /** What the value is compared with, e.g. "hello p50 2.91". */
  reference?: string;
  ratio?: number;
  /** "≤3x", "≥0.8x", "=0". */
  target?: string;
  met?: boolean;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  engine: string;
  date: string;
}

export function machine(engine: string): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    engine,
    date: new Date().toISOString(),
  };
}

function num(v: number, metric: string): string {
  if (!Number.isFinite(v)) return 'n/a';
  if (metric.endsWith('ms') || metric === 's' || metric === 'MB') return v.toFixed(v < 10 ? 2 : 1);
  return Math.round(v).toLocaleString('en-US');
}

/** Latency: row / reference, lower is better; throughput: row / reference, higher is better. */
export function ratioRow(r: Omit<Row, 'ratio' | 'met'>, ref: number, target?: { max?: number; min?: number }): Row {
  const ratio = r.value / ref;
  const met = target ? (target.max !== undefined ? ratio <= target.max : ratio >= (target.min ?? 0)) : undefined;
  return { ...r, ratio, target: target ? (target.max !== undefined ? `≤${target.max}x` : `≥${target.min}x`) : undefined, met };
}

/** The plain-text table: one header line about the machine, then aligned columns. */
export function formatTable(m: Machine, title: string, rows: Row[]): string {
  const header = ['name', 'metric', 'value', 'reference', 'ratio', 'target', ''];
  const cells = rows.map((r) => [
    r.name,
    r.metric,
    num(r.value, r.metric),
    r.reference ?? '',
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}x`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const right = new Set([2, 4]);
  const line = (c: string[]) => c.map((s, i) => (right.has(i) ? s.padStart(widths[i]) : s.padEnd(widths[i]))).join('  ').trimEnd();
  return [
    `${title} | ${m.cores} cores, ${m.cpu}, ${m.memoryGb} GB RAM, Node ${m.node}, engine ${m.engine}, ${m.date}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
  ].join('\n');
}

export function writeJson(dir: string, engine: string, data: object): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const text = JSON.stringify(data, null, 2) + '\n';
  const files = [path.join(dir, 'latest.json'), path.join(dir, `latest-${engine}.json`)];
  for (const f of files) fs.writeFileSync(f, text);
  return files;
}
