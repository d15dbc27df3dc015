import { describe, expect, it } from 'vitest';
import { patientSearchTerms } from './patient-search.js';

describe('patientSearchTerms: the query as the desk types it', () => {
  it('reads the last 7 digits of a phone as a tail, with the old prefix search kept', () => {
    expect(patientSearchTerms('555-12-34')).toEqual({ phonePrefix: '75551234', phoneTail: '5551234' });
    expect(patientSearchTerms('5551234')).toEqual({ phonePrefix: '75551234', phoneTail: '5551234', cardNumber: 5551234 });
    expect(patientSearchTerms('+7 555 1234')).toEqual({ phonePrefix: '75551234' });
    expect(patientSearchTerms('8 (921) 555-12-34')).toEqual({ phonePrefix: '79215551234' });
  });
  it('reads a card number with or without «№»', () => {
    expect(patientSearchTerms('№1')).toEqual({ cardNumber: 1 });
    expect(patientSearchTerms('№ 12')).toEqual({ cardNumber: 12 });
    expect(patientSearchTerms('12')).toEqual({ cardNumber: 12 });
  });
  it('reads a birth date only when it is a real day', () => {
    expect(patientSearchTerms('14.03.1985')).toEqual({ birthDate: '1985-03-14' });
    expect(patientSearchTerms('4.3.1985')).toEqual({ birthDate: '1985-03-04' });
    expect(patientSearchTerms('1985-03-14')).toEqual({ birthDate: '1985-03-14' });
    expect(patientSearchTerms('29.02.2023').birthDate).toBeUndefined();
  });
  it('searches two words both as surname–name and name–surname', () => {
    expect(patientSearchTerms('Смирнова')).toEqual({ nameKey: 'смирнова' });
    expect(patientSearchTerms(' Анна  Смирнёва ')).toEqual({ nameKey: 'анна смирнева', givenKey: 'анна смирнева' });
    expect(patientSearchTerms('')).toEqual({});
  });
});
