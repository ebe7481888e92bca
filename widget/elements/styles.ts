/** The thread's style sheet, written as a plain CSS file (thread.css) and minified into the bundle by the build. */
import { unsafeCSS } from 'lit';
import threadCss from './thread.css';

export const threadStyles = unsafeCSS(threadCss);
