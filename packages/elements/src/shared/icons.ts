import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/** 24×24 path data for the few icons the elements draw; decorative only (the text beside them says it). */
export const icon = {
  search: svg`<path d="M10.5 3a7.5 7.5 0 0 1 5.9 12.1l4.3 4.3-1.4 1.4-4.3-4.3A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z"/>`,
  chevron: svg`<path d="M6.7 9.3 12 14.6l5.3-5.3 1.4 1.4L12 17.4l-6.7-6.7z"/>`,
  clear: svg`<path d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z"/>`,
  sparkle: svg`<path d="M11 2h2l1.2 5.1L19 9v2l-4.8 1.9L13 18h-2l-1.2-5.1L5 11V9l4.8-1.9zm7 12h1.5l.6 2.4 2.4.6v1.5l-2.4.6-.6 2.4H18l-.6-2.4-2.4-.6v-1.5l2.4-.6z"/>`,
  error: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-1 5v7h2V7zm0 9v2h2v-2z"/>`,
  warning: svg`<path d="M12 2 23 21H1zm-1 7v6h2V9zm0 8v2h2v-2z"/>`,
  check: svg`<path d="m9.5 16.2-4.2-4.2-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/>`,
};

/** An inline SVG icon, hidden from assistive technology; size and colour come from the `.icon` class. */
export const iconSvg = (path: SVGTemplateResult, cls = 'icon'): TemplateResult =>
  html`<svg class=${cls} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;
