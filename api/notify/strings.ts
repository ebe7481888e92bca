/** The words of every email and page Parley sends readers and moderators, in the languages the widget speaks. */

export const mailLanguages = ['en', 'de', 'fr', 'es', 'ja'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

export interface MailStrings {
  confirmSubject: string;
  confirmIntro: string;
  confirmAction: string;
  confirmIgnore: string;
  linkSubject: string;
  linkIntro: string;
  replySubject: string;
  replyIntro: string;
  replyOpen: string;
  unsubscribeThread: string;
  unsubscribeAll: string;
  footer: string;
  manageTitle: string;
  manageContinue: string;
  manageExpired: string;
  manageEmpty: string;
  manageSave: string;
  manageDelete: string;
  manageHeld: string;
  manageSignOut: string;
  manageSaved: string;
  manageDeleted: string;
  unsubscribeTitle: string;
  unsubscribeThreadQuestion: string;
  unsubscribeAllQuestion: string;
  unsubscribeButton: string;
  unsubscribeDone: string;
  unsubscribeBad: string;
  signInTitle: string;
  signInIntro: string;
  emailLabel: string;
  checkEmailTitle: string;
  checkEmail: string;
}

const en: MailStrings = {
  confirmSubject: 'Confirm your email for replies on {site}',
  confirmIntro: 'You asked to be emailed when someone replies to your comment on “{page}”. Confirm your address with the link below. It works once, within 24 hours.',
  confirmAction: 'Confirm and manage my comments',
  confirmIgnore: 'The same link lets you edit or delete your comments in the browser you open it in. If you did not ask for this, ignore this email: nothing more will be sent.',
  linkSubject: 'Your link to manage your comments on {site}',
  linkIntro: 'Open this link to edit or delete your comments on {site} and to choose which emails you get. It works once, within an hour.',
  replySubject: '{name} replied to your comment on “{page}”',
  replyIntro: '{name} replied to your comment on “{page}”:',
  replyOpen: 'Read the reply',
  unsubscribeThread: 'No more emails about this discussion',
  unsubscribeAll: 'No more emails from {site}',
  footer: 'You get this email because you ticked “email me replies” on {site}.',
  manageTitle: 'Your comments on {site}',
  manageContinue: 'Continue',
  manageExpired: 'This link has been used already, or it has expired. Ask for a new one below.',
  manageEmpty: 'You have no comments here yet.',
  manageSave: 'Save',
  manageDelete: 'Delete',
  manageHeld: 'Waiting for a moderator',
  manageSignOut: 'Sign out',
  manageSaved: 'Saved.',
  manageDeleted: 'Deleted.',
  unsubscribeTitle: 'Emails from {site}',
  unsubscribeThreadQuestion: 'Stop emails about replies in “{page}”?',
  unsubscribeAllQuestion: 'Stop all reply emails from {site}?',
  unsubscribeButton: 'Unsubscribe',
  unsubscribeDone: 'Done: you will get no more of these emails.',
  unsubscribeBad: 'This unsubscribe link is not valid.',
  signInTitle: 'Manage your comments',
  signInIntro: 'Give the address you comment with: we email you a link that signs this browser in.',
  emailLabel: 'Email',
  checkEmailTitle: 'Check your email',
  checkEmail: 'If {email} wrote comments on {site}, a link to manage them is on its way. It works once, within an hour.',
};

const de: MailStrings = {
  confirmSubject: 'Bestätige deine E-Mail-Adresse für Antworten auf {site}',
  confirmIntro: 'Du möchtest eine E-Mail bekommen, wenn jemand auf deinen Kommentar zu „{page}“ antwortet. Bestätige deine Adresse mit dem Link unten. Er funktioniert einmal, innerhalb von 24 Stunden.',
  confirmAction: 'Bestätigen und meine Kommentare verwalten',
  confirmIgnore: 'Mit demselben Link kannst du deine Kommentare in dem Browser bearbeiten oder löschen, in dem du ihn öffnest. Wenn du das nicht warst, ignoriere diese E-Mail: Es kommt nichts mehr.',
  linkSubject: 'Dein Link zum Verwalten deiner Kommentare auf {site}',
  linkIntro: 'Öffne diesen Link, um deine Kommentare auf {site} zu bearbeiten oder zu löschen und deine E-Mails einzustellen. Er funktioniert einmal, innerhalb einer Stunde.',
  replySubject: '{name} hat auf deinen Kommentar zu „{page}“ geantwortet',
  replyIntro: '{name} hat auf deinen Kommentar zu „{page}“ geantwortet:',
  replyOpen: 'Antwort lesen',
  unsubscribeThread: 'Keine E-Mails mehr zu dieser Diskussion',
  unsubscribeAll: 'Keine E-Mails mehr von {site}',
  footer: 'Du bekommst diese E-Mail, weil du auf {site} „Antworten per E-Mail“ angekreuzt hast.',
  manageTitle: 'Deine Kommentare auf {site}',
  manageContinue: 'Weiter',
  manageExpired: 'Dieser Link wurde schon benutzt oder ist abgelaufen. Fordere unten einen neuen an.',
  manageEmpty: 'Du hast hier noch keine Kommentare.',
  manageSave: 'Speichern',
  manageDelete: 'Löschen',
  manageHeld: 'Wartet auf Freigabe',
  manageSignOut: 'Abmelden',
  manageSaved: 'Gespeichert.',
  manageDeleted: 'Gelöscht.',
  unsubscribeTitle: 'E-Mails von {site}',
  unsubscribeThreadQuestion: 'Keine E-Mails mehr über Antworten in „{page}“?',
  unsubscribeAllQuestion: 'Keine Antwort-E-Mails mehr von {site}?',
  unsubscribeButton: 'Abbestellen',
  unsubscribeDone: 'Erledigt: Diese E-Mails kommen nicht mehr.',
  unsubscribeBad: 'Dieser Abbestell-Link ist ungültig.',
  signInTitle: 'Deine Kommentare verwalten',
  signInIntro: 'Gib die Adresse an, mit der du kommentierst: Wir schicken dir einen Link, der diesen Browser anmeldet.',
  emailLabel: 'E-Mail',
  checkEmailTitle: 'Schau in dein Postfach',
  checkEmail: 'Wenn {email} auf {site} kommentiert hat, ist ein Link zum Verwalten unterwegs. Er funktioniert einmal, innerhalb einer Stunde.',
};

const fr: MailStrings = {
  confirmSubject: 'Confirmez votre adresse pour les réponses sur {site}',
  confirmIntro: 'Vous avez demandé un e-mail quand quelqu’un répond à votre commentaire sur « {page} ». Confirmez votre adresse avec le lien ci-dessous. Il ne sert qu’une fois, pendant 24 heures.',
  confirmAction: 'Confirmer et gérer mes commentaires',
  confirmIgnore: 'Le même lien vous permet de modifier ou supprimer vos commentaires dans le navigateur où vous l’ouvrez. Si ce n’était pas vous, ignorez cet e-mail : rien d’autre ne sera envoyé.',
  linkSubject: 'Votre lien pour gérer vos commentaires sur {site}',
  linkIntro: 'Ouvrez ce lien pour modifier ou supprimer vos commentaires sur {site} et choisir vos e-mails. Il ne sert qu’une fois, pendant une heure.',
  replySubject: '{name} a répondu à votre commentaire sur « {page} »',
  replyIntro: '{name} a répondu à votre commentaire sur « {page} » :',
  replyOpen: 'Lire la réponse',
  unsubscribeThread: 'Plus d’e-mails sur cette discussion',
  unsubscribeAll: 'Plus d’e-mails de {site}',
  footer: 'Vous recevez cet e-mail car vous avez coché « m’avertir des réponses » sur {site}.',
  manageTitle: 'Vos commentaires sur {site}',
  manageContinue: 'Continuer',
  manageExpired: 'Ce lien a déjà servi ou a expiré. Demandez-en un nouveau ci-dessous.',
  manageEmpty: 'Vous n’avez pas encore de commentaire ici.',
  manageSave: 'Enregistrer',
  manageDelete: 'Supprimer',
  manageHeld: 'En attente de modération',
  manageSignOut: 'Se déconnecter',
  manageSaved: 'Enregistré.',
  manageDeleted: 'Supprimé.',
  unsubscribeTitle: 'E-mails de {site}',
  unsubscribeThreadQuestion: 'Ne plus recevoir les réponses dans « {page} » ?',
  unsubscribeAllQuestion: 'Ne plus recevoir aucun e-mail de réponse de {site} ?',
  unsubscribeButton: 'Se désabonner',
  unsubscribeDone: 'C’est fait : vous ne recevrez plus ces e-mails.',
  unsubscribeBad: 'Ce lien de désabonnement n’est pas valide.',
  signInTitle: 'Gérer vos commentaires',
  signInIntro: 'Donnez l’adresse avec laquelle vous commentez : nous vous envoyons un lien qui connecte ce navigateur.',
  emailLabel: 'E-mail',
  checkEmailTitle: 'Regardez votre boîte mail',
  checkEmail: 'Si {email} a commenté sur {site}, un lien pour gérer ces commentaires est en route. Il ne sert qu’une fois, pendant une heure.',
};

const es: MailStrings = {
  confirmSubject: 'Confirma tu correo para recibir respuestas en {site}',
  confirmIntro: 'Pediste un correo cuando alguien responda a tu comentario en «{page}». Confirma tu dirección con el enlace de abajo. Sirve una vez, durante 24 horas.',
  confirmAction: 'Confirmar y gestionar mis comentarios',
  confirmIgnore: 'El mismo enlace te permite editar o borrar tus comentarios en el navegador donde lo abras. Si no fuiste tú, ignora este correo: no se enviará nada más.',
  linkSubject: 'Tu enlace para gestionar tus comentarios en {site}',
  linkIntro: 'Abre este enlace para editar o borrar tus comentarios en {site} y elegir qué correos recibes. Sirve una vez, durante una hora.',
  replySubject: '{name} respondió a tu comentario en «{page}»',
  replyIntro: '{name} respondió a tu comentario en «{page}»:',
  replyOpen: 'Leer la respuesta',
  unsubscribeThread: 'No más correos sobre esta conversación',
  unsubscribeAll: 'No más correos de {site}',
  footer: 'Recibes este correo porque marcaste «avisarme de respuestas» en {site}.',
  manageTitle: 'Tus comentarios en {site}',
  manageContinue: 'Continuar',
  manageExpired: 'Este enlace ya se usó o ha caducado. Pide uno nuevo abajo.',
  manageEmpty: 'Aún no tienes comentarios aquí.',
  manageSave: 'Guardar',
  manageDelete: 'Borrar',
  manageHeld: 'Esperando moderación',
  manageSignOut: 'Cerrar sesión',
  manageSaved: 'Guardado.',
  manageDeleted: 'Borrado.',
  unsubscribeTitle: 'Correos de {site}',
  unsubscribeThreadQuestion: '¿Dejar de recibir respuestas en «{page}»?',
  unsubscribeAllQuestion: '¿Dejar de recibir todos los correos de respuestas de {site}?',
  unsubscribeButton: 'Darse de baja',
  unsubscribeDone: 'Hecho: no recibirás más estos correos.',
  unsubscribeBad: 'Este enlace para darse de baja no es válido.',
  signInTitle: 'Gestionar tus comentarios',
  signInIntro: 'Escribe la dirección con la que comentas: te enviamos un enlace que inicia sesión en este navegador.',
  emailLabel: 'Correo',
  checkEmailTitle: 'Revisa tu correo',
  checkEmail: 'Si {email} comentó en {site}, va en camino un enlace para gestionar sus comentarios. Sirve una vez, durante una hora.',
};

const ja: MailStrings = {
  confirmSubject: '{site} の返信通知のためにメールアドレスを確認してください',
  confirmIntro: '「{page}」へのあなたのコメントに返信があったらメールで知らせるよう依頼がありました。下のリンクでアドレスを確認してください。リンクは24時間以内に1回だけ使えます。',
  confirmAction: '確認してコメントを管理する',
  confirmIgnore: '同じリンクを開いたブラウザで、コメントの編集や削除ができます。心当たりがなければこのメールは無視してください。これ以上は送られません。',
  linkSubject: '{site} のコメントを管理するリンク',
  linkIntro: 'このリンクを開くと、{site} のコメントの編集や削除、受け取るメールの設定ができます。1時間以内に1回だけ使えます。',
  replySubject: '{name} さんが「{page}」のあなたのコメントに返信しました',
  replyIntro: '{name} さんが「{page}」のあなたのコメントに返信しました:',
  replyOpen: '返信を読む',
  unsubscribeThread: 'この議論のメールを停止',
  unsubscribeAll: '{site} からのメールをすべて停止',
  footer: '{site} で「返信をメールで受け取る」を選んだため、このメールが届いています。',
  manageTitle: '{site} でのあなたのコメント',
  manageContinue: '続ける',
  manageExpired: 'このリンクは使用済みか、有効期限が切れています。下から新しいリンクを依頼してください。',
  manageEmpty: 'ここにはまだコメントがありません。',
  manageSave: '保存',
  manageDelete: '削除',
  manageHeld: '承認待ち',
  manageSignOut: 'ログアウト',
  manageSaved: '保存しました。',
  manageDeleted: '削除しました。',
  unsubscribeTitle: '{site} からのメール',
  unsubscribeThreadQuestion: '「{page}」の返信メールを停止しますか?',
  unsubscribeAllQuestion: '{site} からの返信メールをすべて停止しますか?',
  unsubscribeButton: '配信停止',
  unsubscribeDone: '完了しました。これらのメールはもう届きません。',
  unsubscribeBad: 'この配信停止リンクは無効です。',
  signInTitle: 'コメントを管理する',
  signInIntro: 'コメントに使ったアドレスを入力してください。このブラウザでログインするためのリンクをメールで送ります。',
  emailLabel: 'メールアドレス',
  checkEmailTitle: 'メールを確認してください',
  checkEmail: '{email} が {site} にコメントしていれば、管理用のリンクを送信しました。リンクは1時間以内に1回だけ使えます。',
};

const all: Record<MailLanguage, MailStrings> = { en, de, fr, es, ja };

export function mailStrings(lang: string): MailStrings {
  return all[(mailLanguages as readonly string[]).includes(lang) ? (lang as MailLanguage) : 'en'];
}

/** Fills `{name}` placeholders; the values are plain text (escape them for HTML with the result). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
