import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useCan } from './session';

export const PATIENT_SEARCH_ID = 'patient-search';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * "/" (outside text fields) and Ctrl+K / ⌘K (anywhere) jump to the patient search:
 * the search box is focused on the patients page, or that page is opened with it focused.
 */
export function GlobalHotkeys() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const can = useCan();
  const allowed = can('patients.read');
  const calls = can('calls.write');

  // F2: «Новый звонок» — the phone rings, the call card opens from any screen (CALL-1).
  useEffect(() => {
    if (!calls) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F2' || e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      navigate('/calls/new', { state: { at: Date.now() } });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [calls, navigate]);

  useEffect(() => {
    if (!allowed) return;
    const onKey = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK');
      // e.code also catches the same physical key on the Russian layout, where it types ".".
      const slash = (e.key === '/' || e.code === 'Slash') && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      if (!ctrlK && !slash) return;
      e.preventDefault();
      const input = document.getElementById(PATIENT_SEARCH_ID) as HTMLInputElement | null;
      if (input) {
        input.focus();
        input.select();
      } else if (pathname !== '/patients') {
        navigate('/patients', { state: { focusSearch: true } });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [allowed, navigate, pathname]);

  return null;
}
