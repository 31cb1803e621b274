/** When the next invite to an account may go out (rule 7: the organization's resend cooldown). */
export function resendAllowedAt(lastInviteSentAt: string | null | undefined, cooldownMinutes: number): Date | null {
  if (!lastInviteSentAt) return null;
  const at = new Date(new Date(lastInviteSentAt).getTime() + cooldownMinutes * 60_000);
  return at > new Date() ? at : null;
}
