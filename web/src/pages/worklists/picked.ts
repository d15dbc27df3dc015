import type { PickedPatient } from '../schedule/BookingPatientPicker';

/** A worklist row as the booking dialog's patient: the name split back into its parts, the phone at hand. */
export function pickedPatient(p: { patientId: string; name: string; phone: string | null; cardNumber?: number }): PickedPatient {
  const [surname = '', firstName = '', ...rest] = p.name.split(' ');
  return { id: p.patientId, surname, firstName, patronymic: rest.join(' ') || null, phone: p.phone, cardNumber: p.cardNumber ?? 0, birthDate: null } as PickedPatient;
}
