import { useTranslation } from "react-i18next";
import { useNotify } from "./Notifier";
import { failureMessage, userErrorMessage, type UserErrorLike } from "./user-errors";

/**
 * Runs one mutation: success becomes a notification, a user error or a failure becomes the text a
 * confirmation dialog shows in place (returned), so the person sees why nothing changed.
 */
export function useRunner() {
  const { t } = useTranslation();
  const notify = useNotify();
  return async (
    action: () => Promise<readonly UserErrorLike[] | undefined>,
    success: string,
    after?: () => unknown,
  ): Promise<string | undefined> => {
    try {
      const errors = await action();
      if (errors?.length) return errors.map((e) => userErrorMessage(t, e)).join(" ");
      notify(success);
      await after?.();
      return undefined;
    } catch (e) {
      return failureMessage(t, e);
    }
  };
}
