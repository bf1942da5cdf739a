/**
 * @astrojs/markdown-remark logs every render error with console.error before rethrowing it:
 * for a content problem a plugin reports (an image without alt text) that is a 20-line dump of
 * the VFileMessage object, printed before our report, which already says the same in one line
 * with the file and the fix. While the loader renders (and in the render workers), such
 * messages are dropped from console.error; anything else is printed as before.
 */
const isPluginMessage = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  'reason' in value &&
  'fatal' in value &&
  typeof (value as { reason: unknown }).reason === 'string';

/** Installs the filter; returns the function that removes it. */
export function quietPluginErrors(): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && isPluginMessage(args[0])) return;
    original(...args);
  };
  return () => {
    console.error = original;
  };
}
