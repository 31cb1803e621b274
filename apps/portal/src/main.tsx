import { ApolloProvider } from "@apollo/client/react";
import { CssBaseline, ThemeProvider } from "@mui/material";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { BrowserRouter } from "react-router";
import { createApolloClient } from "./apollo";
import { App } from "./App";
import { createI18n } from "./i18n/i18n";
import { theme } from "./theme";

const i18n = createI18n();
const client = createApolloClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={client}>
        <ThemeProvider theme={theme}>
          <CssBaseline />
          <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, "")}>
            <App />
          </BrowserRouter>
        </ThemeProvider>
      </ApolloProvider>
    </I18nextProvider>
  </StrictMode>,
);
