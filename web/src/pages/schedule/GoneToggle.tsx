import { Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridColumn } from './grid';
import { isGone } from './grid';

const KEY = 'vizit.schedule.showGone';

/** Whether the grid draws cancelled and no-show visits; remembered on this computer (off at first). */
export function useShowGone(): [boolean, (v: boolean) => void] {
  const [value, setValue] = useState(() => localStorage.getItem(KEY) === '1');
  return [value, (v) => {
    localStorage.setItem(KEY, v ? '1' : '0');
    setValue(v);
  }];
}

/** «Отменённые и неявки (3)»: shows them on the grid; hidden they leave the live visits their full width. */
export function GoneToggle({ columns, value, onChange }: { columns: GridColumn[]; value: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation();
  const count = columns.reduce((n, c) => n + c.appointments.filter(isGone).length, 0);
  if (count === 0 && !value) return null;
  return (
    <Switch
      size="sm"
      checked={value}
      onChange={(e) => onChange(e.currentTarget.checked)}
      label={t('schedule.grid.showGone', { count })}
      data-testid="show-gone"
    />
  );
}
