/**
 * The stylesheet of the gallery page: Slack's light theme, measured from its web client (Lato
 * 15px, #1d1c1d text, 36px avatar, 4px attachment bar, two-column fields, 12px grey context).
 * Fonts are local (Debian `fonts-lato`, `fonts-noto-color-emoji`), with system fallbacks.
 */

/** CSS for `messageHtml` output and the gallery page around it. */
export const SLACK_CSS: string = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f4; color: #1d1c1d; font: 15px/1.46668 Lato, 'Slack-Lato', 'Helvetica Neue', Arial, 'Noto Color Emoji', sans-serif; -webkit-font-smoothing: antialiased; }
.gallery { max-width: 800px; margin: 0 auto; padding: 24px 16px 48px; }
.gallery > h1 { font-size: 22px; font-weight: 900; margin: 0 0 4px; }
.gallery > .intro { color: #616061; margin: 0 0 24px; }
.entry { margin: 0 0 32px; }
.entry > h2 { font-size: 17px; font-weight: 900; margin: 0 0 2px; }
.entry > .description { color: #616061; margin: 0 0 8px; }
.fallback { width: 720px; margin: 6px 0 0; font-size: 12px; line-height: 1.5; color: #616061; word-break: break-word; }
.fallback-label { font-weight: 700; margin-right: 6px; color: #1d1c1d; }

.slack-message { display: flex; gap: 8px; width: 720px; padding: 8px 20px 10px; background: #fff; border-radius: 8px; box-shadow: 0 0 0 1px rgba(29,28,29,.08); }
.avatar { flex: none; width: 36px; height: 36px; margin-top: 4px; border-radius: 8px; }
.message-content { flex: 1; min-width: 0; }
.message-meta { display: flex; align-items: baseline; gap: 4px; line-height: 22px; }
.app-name { font-weight: 900; }
.app-badge { font-size: 10px; font-weight: 700; line-height: 1.5; padding: 0 3px; border-radius: 2px; color: rgba(29,28,29,.7); background: rgba(29,28,29,.13); align-self: center; }
.message-time { font-size: 12px; color: #616061; margin-left: 2px; }

.block { margin: 4px 0; }
.header { font-size: 18px; font-weight: 900; line-height: 1.33; margin: 6px 0 4px; }
.section { display: flex; gap: 12px; align-items: flex-start; }
.section-main { flex: 1; min-width: 0; }
.accessory { flex: none; }
.fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: 16px; row-gap: 8px; max-width: 600px; margin-top: 4px; }
.section-main > .mrkdwn + .fields { margin-top: 8px; }
.field { min-width: 0; }
.mrkdwn { word-break: break-word; }
.context { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; font-size: 12px; line-height: 1.5; color: #616061; }
.context-image { display: inline-block; width: 20px; height: 20px; border-radius: 4px; background: #dddddd; }
.divider { border: 0; border-top: 1px solid rgba(29,28,29,.13); margin: 12px 0; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.button { display: inline-flex; align-items: center; height: 28px; padding: 0 12px; font-size: 13px; font-weight: 700; border-radius: 8px; border: 1px solid rgba(29,28,29,.3); background: #fff; color: #1d1c1d; white-space: nowrap; }
.button-primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.button-danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.button-other { font-style: italic; color: #616061; }
.accessory-image, .image-tile { display: inline-block; width: 88px; height: 88px; border-radius: 8px; background: #dddddd; }
.unsupported { color: #616061; font-style: italic; }

.attachment { display: flex; margin: 6px 0 2px; max-width: 640px; }
.attachment-bar { flex: none; width: 4px; border-radius: 8px; }
.attachment-body { flex: 1; min-width: 0; padding: 0 0 0 12px; }
.attachment-body > .block:first-child { margin-top: 0; }
.attachment-body > .block:last-child { margin-bottom: 0; }

.mrkdwn b { font-weight: 700; }
.link { color: #1264a3; text-decoration: none; }
.link-unsafe { text-decoration: underline dotted; }
code { font: 12px/1.5 Monaco, Menlo, Consolas, 'DejaVu Sans Mono', monospace; color: #e01e5a; background: rgba(29,28,29,.04); border: 1px solid rgba(29,28,29,.13); border-radius: 3px; padding: 2px 3px 1px; }
pre { font: 12px/1.5 Monaco, Menlo, Consolas, 'DejaVu Sans Mono', monospace; margin: 4px 0; padding: 8px; background: rgba(29,28,29,.04); border: 1px solid rgba(29,28,29,.13); border-radius: 4px; white-space: pre-wrap; word-break: break-word; }
blockquote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #dddddd; }
.emoji { font-family: 'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', sans-serif; font-size: 1.1em; line-height: 1; }
.header .emoji { font-size: 1em; }
.mention { border-radius: 3px; padding: 0 2px; font-weight: 400; }
.mention-user, .mention-channel, .mention-usergroup { color: #1264a3; background: rgba(29,155,209,.1); }
.mention-broadcast { color: #1d1c1d; background: rgba(242,199,68,.4); }
.control-unknown { color: #e01e5a; outline: 1px dashed #e01e5a; }
`;
