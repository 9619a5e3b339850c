const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * The canonical decimal spelling of a numeric literal, or null when `text` is not one: no
 * exponent, no leading zeros, no trailing fractional zeros, no `+`, no negative zero. Done on the
 * digits (no floating point), so large and precise values keep every digit.
 *
 * @example
 * ```ts
 * canonicalNumber('0.00');    // '0'
 * canonicalNumber('-1.50');   // '-1.5'
 * canonicalNumber('1e3');     // '1000'
 * canonicalNumber('abc');     // null
 * ```
 */
export function canonicalNumber(text: string): string | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return null;
  let digits = whole + fraction;
  let point = whole.length + exponent; // digits before the decimal point
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  } else if (point > digits.length) {
    digits += '0'.repeat(point - digits.length);
  }
  const intPart = digits.slice(0, point).replace(/^0+/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  const body = fracPart ? `${intPart}.${fracPart}` : intPart;
  return m[1] === '-' && body !== '0' ? `-${body}` : body;
}
