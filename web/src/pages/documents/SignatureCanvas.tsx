import { Box, Button, Group, Text } from '@mantine/core';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';

export interface SignatureCanvasHandle {
  /** The signature as a PNG data URL, or null when nothing is drawn. */
  png(): string | null;
}

/** A signature pad: pen, finger or mouse (pointer events via signature_pad); «Очистить» starts over. */
export const SignatureCanvas = forwardRef<SignatureCanvasHandle, { height?: number; onChange?: (empty: boolean) => void }>(function SignatureCanvas({ height = 220, onChange }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current!;
    const p = new SignaturePad(c, { penColor: '#0b2a6f', minWidth: 0.8, maxWidth: 2.6 });
    pad.current = p;
    // Sharp lines on a high-density screen: the bitmap is the CSS size times the pixel ratio.
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = p.toData();
      c.width = c.offsetWidth * ratio;
      c.height = c.offsetHeight * ratio;
      c.getContext('2d')!.scale(ratio, ratio);
      p.clear();
      p.fromData(data);
    };
    fit();
    const mark = () => {
      setEmpty(p.isEmpty());
      onChange?.(p.isEmpty());
    };
    p.addEventListener('endStroke', mark);
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      p.removeEventListener('endStroke', mark);
      p.off();
    };
    // onChange is read at each stroke; the pad is made once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useImperativeHandle(ref, () => ({ png: () => (pad.current && !pad.current.isEmpty() ? pad.current.toDataURL('image/png') : null) }), []);

  return (
    <div>
      <Box
        style={{ position: 'relative', border: '2px dashed var(--mantine-color-blue-4)', borderRadius: 8, background: '#fff', touchAction: 'none' }}
      >
        <canvas ref={canvas} aria-label={t('docs.sign.padLabel')} data-testid="signature-canvas" style={{ display: 'block', width: '100%', height, cursor: 'crosshair', touchAction: 'none' }} />
        <div style={{ position: 'absolute', left: 24, right: 24, bottom: 40, borderBottom: '1px solid var(--mantine-color-gray-5)', pointerEvents: 'none' }} />
        <Text size="xs" c="dimmed" style={{ position: 'absolute', left: 24, bottom: 18, pointerEvents: 'none' }}>✕</Text>
      </Box>
      <Group justify="flex-end" mt={6}>
        <Button
          variant="subtle"
          size="xs"
          disabled={empty}
          data-testid="signature-clear"
          onClick={() => {
            pad.current?.clear();
            setEmpty(true);
            onChange?.(true);
          }}
        >
          {t('docs.sign.clear')}
        </Button>
      </Group>
    </div>
  );
});
