import { Button, type ButtonProps } from 'antd';
import { useWrites } from './WriteScope';

/**
 * A button that starts a write of the screen (<c>write</c>: its name) or opens the dialog of one (no name): its
 * spinner while its write runs, disabled while any other write of the screen is on its way.
 */
export function WriteButton({ write, disabled, ...props }: ButtonProps & { write?: string }) {
  const { button } = useWrites();
  return <Button {...props} {...button(write, !!disabled)} />;
}
