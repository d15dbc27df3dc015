import { z } from 'zod';

// The CSP forbids eval. zod decides at schema construction whether to compile parsers with
// Function(); jitless stops it probing, which would log a CSP violation on every page. Imported
// first in main.tsx so that it runs before any contract module builds its schemas.
z.config({ jitless: true });
