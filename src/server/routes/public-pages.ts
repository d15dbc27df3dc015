import type { LinkPage } from '../../services/reminders.service.js';

/** The small Russian pages a patient opens from a reminder or a mailing (no script: the CSP forbids inline code). */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.4rem}form{display:inline}button{font-size:1rem;padding:.6rem 1.2rem;margin:.3rem .5rem .3rem 0;border-radius:6px;border:1px solid #1c7ed6;background:#fff;color:#1c7ed6;cursor:pointer}button.main{background:#1c7ed6;color:#fff}</style></head>
<body><h1>${esc(title)}</h1>${body}</body></html>`;
}

const ANSWERS: Record<string, string> = {
  confirmed: 'Спасибо, визит подтверждён. Ждём Вас!',
  move: 'Мы получили Вашу просьбу перенести визит: администратор позвонит Вам, чтобы подобрать другое время. Пока визит остаётся в расписании.',
};

/** The page and its HTTP status for a link's state. */
export function linkPage(v: LinkPage, token: string): { status: number; html: string } {
  const t = encodeURIComponent(token);
  if (v.state === 'invalid') return { status: 404, html: page('Ссылка недействительна', '<p>Ссылка повреждена или устарела. Пожалуйста, позвоните в клинику.</p>') };
  if (v.state === 'expired') return { status: 410, html: page('Срок действия ссылки истёк', `<p>${esc(v.clinic)}</p><p>Ссылка больше не действует. Пожалуйста, позвоните в клинику.</p>`) };
  if (v.state === 'unsubscribe') {
    return v.done
      ? { status: 200, html: page('Вы отписаны от рассылки', `<p>${esc(v.clinic)}</p><p>Клиника больше не будет присылать Вам письма. Если передумаете, скажите об этом администратору.</p>`) }
      : { status: 200, html: page('Отписка от рассылки', `<p>${esc(v.clinic)}</p><p>Вы больше не хотите получать письма клиники?</p><form method="post" action="/api/public/unsubscribe/${t}"><button class="main" type="submit">Отписаться</button></form>`) };
  }
  if (v.state === 'moved') {
    return { status: 409, html: page('Время визита изменилось', `<p>${esc(v.clinic)}</p><p>Ваш визит к доктору ${esc(v.doctor)} перенесён на ${esc(v.when)}. Эта ссылка относилась к прежнему времени; напоминание о новом времени придёт отдельно. Если новое время Вам не подходит, пожалуйста, позвоните в клинику.</p>`) };
  }
  const head = `<p>${esc(v.clinic)}</p><p>Визит ${esc(v.when)} к доктору ${esc(v.doctor)}.</p>`;
  if (v.answer) return { status: 200, html: page(v.answer === 'confirmed' ? 'Визит подтверждён' : 'Мы Вам перезвоним', `${head}<p>${ANSWERS[v.answer] ?? ''}</p>`) };
  if (!['booked', 'confirmed'].includes(v.visitStatus)) {
    return { status: 409, html: page('Визит нельзя подтвердить', `${head}<p>Визит отменён или уже состоялся. Пожалуйста, позвоните в клинику.</p>`) };
  }
  const confirm = `<form method="post" action="/api/public/visit/${t}/confirm"><button class="main" type="submit">Подтверждаю</button></form>`;
  const move = `<form method="post" action="/api/public/visit/${t}/move"><button type="submit">Перенести</button></form>`;
  return { status: 200, html: page('Напоминание о визите', `${head}<p>Пожалуйста, подтвердите визит или попросите перенести его.</p>${confirm}${move}`) };
}
