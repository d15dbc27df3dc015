import { useEffect, useLayoutEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../api/schedule';
import { AppointmentBlock, isMovable } from './AppointmentBlock';
import { isWorking, placeBlocks, rows, STEP, workBands, type Band, type GridColumn } from './grid';
import { minuteOfDay } from '../../lib/format';
import { hhmm } from '../../../../src/domain/schedule/time.js';

type Props = {
  columns: GridColumn[];
  tz: string;
  axis: Band;
  today: string;
  canWrite: boolean;
  highlightId: string | null;
  /** Draw cancelled and no-show visits too (off: they take no room from the day's work). */
  showGone?: boolean;
  onSlot: (col: GridColumn, minute: number) => void;
  onOpen: (a: Appointment) => void;
  onMove: (a: Appointment, col: GridColumn, minute: number) => void;
};

const HEADER_H = 42;

/** Row height that fits the whole day on the screen (a whole day at 1366×768), within readable limits. */
function useRowHeight(ref: React.RefObject<HTMLDivElement | null>, count: number): number {
  const [h, setH] = useState(14);
  useLayoutEffect(() => {
    const measure = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 120;
      const avail = window.innerHeight - top - HEADER_H - 6;
      setH(Math.max(11, Math.min(26, Math.floor((avail / Math.max(count, 1)) * 4) / 4)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [ref, count]);
  return h;
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

/**
 * The schedule grid (CSS grid, 15-minute rows): a time axis, one column per doctor (DAY) or day
 * (WEEK). Working time is white, the rest grey; free cells book, blocks open the visit, and
 * upcoming visits are dragged to another time or column. Arrow keys walk the cells.
 */
export function DayGrid({ columns, tz, axis, today, canWrite, highlightId, showGone = false, onSlot, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const count = rows(axis.to - axis.from);
  const rowH = useRowHeight(ref, count);
  const px = (minutes: number) => (minutes / STEP) * rowH;
  const now = useNow();
  const nowMin = minuteOfDay(now, tz);
  const drag = useRef<{ a: Appointment; grabMin: number } | null>(null);
  const [ghost, setGhost] = useState<{ key: string; minute: number; length: number } | null>(null);

  const minuteAt = (e: DragEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const raw = axis.from + ((e.clientY - rect.top) / rowH) * STEP - (drag.current?.grabMin ?? 0);
    return Math.max(axis.from, Math.min(axis.to - STEP, Math.round(raw / STEP) * STEP));
  };

  const onDragStart = (a: Appointment, e: DragEvent<HTMLButtonElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const grabMin = Math.floor(((e.clientY - rect.top) / rowH) * STEP / STEP) * STEP;
    drag.current = { a, grabMin };
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', a.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cell = (e.target as HTMLElement).dataset.cell;
    if (!cell) return;
    const [c, r] = cell.split(':').map(Number);
    const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const d = moves[e.key];
    if (!d) return;
    e.preventDefault();
    e.stopPropagation();
    for (let i = 1; i < Math.max(count, columns.length) + 1; i++) {
      const el = ref.current?.querySelector<HTMLElement>(`[data-cell="${c + d[0] * i}:${r + d[1] * i}"]`);
      if (el) return el.focus();
    }
  };

  let firstCell = true;
  return (
    <div
      ref={ref}
      className="sch-grid"
      style={{ gridTemplateColumns: `44px ${columns.map((c) => (c.narrow ? 'minmax(64px, 0.45fr)' : 'minmax(96px, 1fr)')).join(' ')}`, ['--row' as string]: `${rowH}px` }}
      onKeyDown={onKeyDown}
      role="region"
      aria-label={t('schedule.grid.label')}
      data-testid="schedule-grid"
    >
      <div className="sch-corner" style={{ height: HEADER_H }} />
      {columns.map((col) => (
        <div key={col.key} className="sch-head" style={{ height: HEADER_H }}>
          {col.header}
        </div>
      ))}
      <div className="sch-axis" style={{ height: px(axis.to - axis.from) }} aria-hidden>
        {Array.from({ length: (axis.to - axis.from) / 60 }, (_, i) => (
          <span key={i} style={{ top: px(i * 60) }}>
            {hhmm(axis.from + i * 60)}
          </span>
        ))}
        {columns.some((c) => c.date === today) && nowMin >= axis.from && nowMin <= axis.to && (
          <span className="sch-now-label" style={{ top: px(nowMin - axis.from) }}>
            {hhmm(nowMin)}
          </span>
        )}
      </div>
      {columns.map((col, ci) => {
        const bands = workBands(col, tz);
        const placed = placeBlocks(col.appointments, tz, axis.from, { showGone, keepId: highlightId });
        return (
          <div
            key={col.key}
            className="sch-col"
            data-testid={col.testId}
            style={{ height: px(axis.to - axis.from) }}
            onDragOver={(e) => {
              if (!drag.current) return;
              e.preventDefault();
              const minute = minuteAt(e);
              const length = minuteOfDay(drag.current.a.endsAt, tz) - minuteOfDay(drag.current.a.startsAt, tz);
              if (ghost?.key !== col.key || ghost.minute !== minute) setGhost({ key: col.key, minute, length });
            }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node)) setGhost(null);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const d = drag.current;
              setGhost(null);
              drag.current = null;
              if (d) onMove(d.a, col, minuteAt(e));
            }}
          >
            {bands.map((b, i) => (
              <div key={i} className="sch-work" style={{ top: px(b.from - axis.from), height: px(b.to - b.from) }} />
            ))}
            <div className="sch-lines" style={{ backgroundPositionY: `${-px(axis.from % 60)}px` }} aria-hidden />
            {canWrite &&
              Array.from({ length: count }, (_, r) => {
                const minute = axis.from + r * STEP;
                if (!isWorking(bands, minute)) return null;
                const first = firstCell;
                firstCell = false;
                return (
                  <button
                    key={r}
                    type="button"
                    className="sch-cell"
                    data-cell={`${ci}:${r}`}
                    data-testid={`slot-${col.slotPrefix}-${hhmm(minute)}`}
                    tabIndex={first ? 0 : -1}
                    style={{ top: px(r * STEP), height: rowH }}
                    aria-label={t('schedule.grid.cell', { col: col.label, time: hhmm(minute) })}
                    onClick={() => onSlot(col, minute)}
                  >
                    <span>{hhmm(minute)}</span>
                  </button>
                );
              })}
            {col.holds.map((h) => (
              <div
                key={h.holdGroup + h.start}
                className="sch-hold"
                data-mine={h.mine || undefined}
                style={{ top: px(minuteOfDay(h.start, tz) - axis.from), height: px(minuteOfDay(h.end, tz) - minuteOfDay(h.start, tz)) }}
                title={h.mine ? t('schedule.grid.holdMine') : t('schedule.grid.hold')}
              >
                {h.mine ? t('schedule.grid.holdMine') : t('schedule.grid.hold')}
              </div>
            ))}
            {placed.map((p) => (
              <AppointmentBlock
                key={p.a.id}
                a={p.a}
                tz={tz}
                top={px(p.top)}
                height={px(p.height)}
                left={p.left}
                width={p.width}
                marker={p.marker}
                movable={canWrite && isMovable(p.a)}
                highlighted={p.a.id === highlightId}
                onOpen={onOpen}
                onDragStart={onDragStart}
                onDragEnd={() => {
                  drag.current = null;
                  setGhost(null);
                }}
              />
            ))}
            {ghost?.key === col.key && (
              <div className="sch-ghost" style={{ top: px(ghost.minute - axis.from), height: px(ghost.length) }}>
                {hhmm(ghost.minute)}
              </div>
            )}
            {col.date === today && nowMin >= axis.from && nowMin <= axis.to && (
              <div className="sch-now" style={{ top: px(nowMin - axis.from) }} data-testid="now-line" aria-hidden />
            )}
          </div>
        );
      })}
    </div>
  );
}
