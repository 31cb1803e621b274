import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Snackbar from "@mui/material/Snackbar";
import { useTranslation } from "react-i18next";

interface Notice {
  key: number;
  message: string;
  severity: "success" | "error" | "info";
  undo?: () => void;
}

type Notify = (message: string, options?: { severity?: Notice["severity"]; undo?: () => void }) => void;

const NotifyContext = createContext<Notify>(() => undefined);

/** One snackbar at a time for the outcome of an action, with an optional Undo. */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback<Notify>((message, options) => {
    setNotice({ key: Date.now(), message, severity: options?.severity ?? "success", undo: options?.undo });
  }, []);
  const value = useMemo(() => notify, [notify]);
  const close = () => setNotice(null);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Snackbar
        key={notice?.key}
        open={!!notice}
        autoHideDuration={notice?.undo ? 8000 : 5000}
        onClose={close}
        anchorOrigin={{ vertical: "bottom", horizontal: "center" }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={close}
            action={
              notice.undo ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    notice.undo?.();
                    close();
                  }}
                >
                  {t("app.undo")}
                </Button>
              ) : undefined
            }
          >
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NotifyContext);
}
