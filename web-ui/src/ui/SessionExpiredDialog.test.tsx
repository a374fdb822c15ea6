import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { fakeAuth, renderWithAuth } from '../testing/renderWithAuth';
import { SessionExpiredDialog } from './SessionExpiredDialog';

function HalfFilledForm() {
  const [name, setName] = useState('');
  return (
    <>
      <label>
        name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <SessionExpiredDialog />
    </>
  );
}

describe('SessionExpiredDialog', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('is absent while the session lasts', () => {
    renderWithAuth(<HalfFilledForm />);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('signs in again in a popup and leaves the page as it was', async () => {
    const user = userEvent.setup({ delay: null });
    const auth = fakeAuth({ sessionExpired: true });
    renderWithAuth(<HalfFilledForm />, { auth });
    await user.type(screen.getByLabelText('name'), 'half typed');

    expect(screen.getByRole('alertdialog', { name: 'Your session has expired' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign in again' }));

    expect(auth.renewInPopup).toHaveBeenCalledTimes(1);
    expect(auth.signIn).not.toHaveBeenCalled();
    expect(screen.getByLabelText('name')).toHaveValue('half typed');
  });

  it('offers to leave the page only when the popup is blocked', async () => {
    const user = userEvent.setup({ delay: null });
    const auth = fakeAuth({ sessionExpired: true, renewInPopup: vi.fn().mockRejectedValue(new Error('Attempted to navigate on a disposed window')) });
    renderWithAuth(<HalfFilledForm />, { auth });

    await user.click(screen.getByRole('button', { name: 'Sign in again' }));
    await user.click(await screen.findByRole('button', { name: 'Sign in on a new page' }));

    expect(auth.signIn).toHaveBeenCalledTimes(1);
  });
});
