import { createTheme } from '@mantine/core';

/** Calm and dense: a desk tool used all day, not a landing page. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
  defaultRadius: 'sm',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600', sizes: { h2: { fontSize: '1.35rem' }, h3: { fontSize: '1.1rem' } } },
  components: {
    // Descriptions go under the input so that inputs in one row stay aligned. The required
    // mark is drawn by CSS (styles.css) instead of a text node, so a label reads exactly
    // "Имя" for screen readers and for tests that find inputs by label.
    InputWrapper: { defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'], withAsterisk: false } },
    // A closed dropdown is not rendered: otherwise its hidden listbox shares the field's label
    // and "find the input labelled «Пол»" finds two elements.
    Combobox: { defaultProps: { keepMounted: false } },
    // Badges carry short statuses in narrow columns: never cut them to "Использу…".
    Badge: { defaultProps: { tt: 'none' }, styles: { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } },
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } },
    Modal: { defaultProps: { centered: true } },
    Tooltip: { defaultProps: { openDelay: 400 } },
  },
});
