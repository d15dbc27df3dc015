import { z } from 'zod';
import { Id } from './common.js';

/** After treatment (DOC-4, DOC-7): a visit's performed services and the leaflets and warranty coupons to hand over. */
export const PerformedService = z.object({ code: z.string(), name: z.string(), tooth: z.string().nullable() });
export const AftercareOffer = z.object({
  templateCode: z.string(),
  kind: z.enum(['leaflet', 'warranty_coupon']),
  title: z.string(),
  /** The performed services (price-list codes) the offer follows from. */
  codes: z.array(z.string()),
});
export const AftercareIssued = z.object({ id: Id, templateCode: z.string(), kind: z.enum(['leaflet', 'warranty_coupon']), title: z.string() });
export const VisitAftercare = z.object({
  appointmentId: Id,
  performed: z.array(PerformedService),
  /** Not yet issued for this visit: offered in one click. */
  offers: z.array(AftercareOffer),
  /** Leaflets and coupons already issued for this visit (not offered again). */
  issued: z.array(AftercareIssued),
});
