import type { ButtonHTMLAttributes } from 'react';

/** A touch button: at least 60 px in each direction (see styles.css), with a visible focus ring. */
export function Button({ variant = 'primary', className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
  return <button type="button" className={`button button-${variant} ${className ?? ''}`} {...rest} />;
}
