import { describe, expect, it } from 'vitest';
import { passwordProblem, translit } from './password-policy.js';

const ctx = { login: 'petrova', names: ['Петрова Мария Ивановна'], clinicName: 'Клиника «Улыбка»' };

describe('rule for new passwords', () => {
  it('refuses short ones, the login, the clinic name in Cyrillic or in Latin letters', () => {
    expect(passwordProblem('Kx7pQm2v9', ctx)?.ru).toBe('Пароль короче 10 символов');
    expect(passwordProblem('PETROVA-2026-xx', ctx)?.ru).toBe('Пароль не должен содержать логин');
    expect(passwordProblem('Ulybka-Zuby-77', ctx)?.ru).toBe('Пароль не должен содержать название клиники');
    expect(passwordProblem('мояулыбка2026', ctx)?.ru).toBe('Пароль не должен содержать название клиники');
  });

  it('refuses common passwords and common Russian ones typed in Latin letters or on the English layout', () => {
    for (const p of ['password12', 'qwerty12345', 'parol12345', 'privet2026!', 'lyubov1234', 'ghbdtn12345', 'vizit12345', 'mariya1990!']) {
      expect(passwordProblem(p, ctx), p).not.toBeNull();
    }
  });

  it('accepts a phrase of unrelated words and a random string', () => {
    expect(passwordProblem('Tramvai-Oblako-Chainik-42', ctx)).toBeNull();
    expect(passwordProblem('Kx7pQm2vN9wr', ctx)).toBeNull();
  });

  it('transliterates as people type Russian in Latin letters', () => {
    expect(translit('улыбка')).toBe('ulybka');
    expect(translit('щука')).toBe('shchuka');
  });
});
