import type { SVGProps } from 'react';

/** Tiny line icons drawn here (the app ships no icon font): they must render on any desk PC. */
type P = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 12, children, ...rest }: P) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden {...rest}>
      {children}
    </svg>
  );
}

/** Service-card alert: a warning triangle. */
export const AlertIcon = (p: P) => (
  <Svg {...p}>
    <path d="M8 1.8 15 14H1z" fill="currentColor" stroke="none" />
    <path d="M8 6v3.6M8 11.6v.2" stroke="#fff" strokeWidth={1.8} />
  </Svg>
);

/** «ПОЗВОНИТЬ»: a handset. */
export const PhoneIcon = (p: P) => (
  <Svg {...p}>
    <path d="M3 1.8h3l1.2 3.2-1.8 1.2a8 8 0 0 0 4.4 4.4l1.2-1.8 3.2 1.2v3a1.2 1.2 0 0 1-1.3 1.2A12.5 12.5 0 0 1 1.8 3.1 1.2 1.2 0 0 1 3 1.8z" />
  </Svg>
);

/** Squeeze-in: a clock («может подождать»). */
export const ClockIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M8 4.5V8l2.4 1.6" />
  </Svg>
);

/** Walk-in: a person walking in. */
export const WalkIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="9" cy="2.6" r="1.4" fill="currentColor" stroke="none" />
    <path d="M6 14.5 7.6 10 9.6 11.6V15M7.6 10l.8-4.4L11 8l2 .6M8.4 5.6 5.6 6.8 4.6 9.2" />
  </Svg>
);

export const ChevronLeft = (p: P) => (
  <Svg {...p}>
    <path d="M10 3 5 8l5 5" />
  </Svg>
);

export const ChevronRight = (p: P) => (
  <Svg {...p}>
    <path d="m6 3 5 5-5 5" />
  </Svg>
);

/** A child's or a ward's legal representative: a grown-up and a child. */
export const FamilyIcon = (p: P) => (
  <Svg {...p}>
    <circle cx="5" cy="3.6" r="2" />
    <path d="M1.8 14.5V9.5a3.2 3.2 0 0 1 6.4 0v5" />
    <circle cx="11.8" cy="7.4" r="1.6" />
    <path d="M9.6 14.5v-2.6a2.2 2.2 0 0 1 4.4 0v2.6" />
  </Svg>
);
