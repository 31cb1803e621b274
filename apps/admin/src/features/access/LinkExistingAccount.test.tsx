import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import { AddPortalAccessDialog } from "./AddPortalAccessDialog";
import { GrantContactPortalAccessDocument } from "./access.documents";

const roles = [{ id: "2", name: "Family", accessTypes: ["PROXY" as const] }];

function refused(code: string, message: string) {
  return {
    data: {
      grantContactPortalAccess: {
        __typename: "GrantContactPortalAccessPayload",
        grant: null,
        account: null,
        userErrors: [{ __typename: "UserError", code, field: "email", message }],
      },
    },
  };
}

const base = { contactId: "4", email: "alice@example.com", portalRoleId: "2", sendInvite: true };
// What the server answers when the address is a patient's own login (rule 2).
const PATIENT_LOGIN = "This email address is a patient's own login and cannot be shared with a contact.";

function renderDialog(language: "en" | "fr" = "en") {
  let linkAsked = 0;
  renderPage(
    <AddPortalAccessDialog
      open
      onClose={() => undefined}
      name="Marc Tremblay"
      target={{ kind: "contact", contactId: "4" }}
      emailOnFile="alice@example.com"
      roles={roles}
      onGranted={() => undefined}
    />,
    {
      language,
      mocks: [
        {
          request: { query: GrantContactPortalAccessDocument, variables: { input: { ...base, linkExistingAccount: undefined } } },
          result: refused("EMAIL_IN_USE", "This email address is already the login of another portal account."),
        },
        {
          request: { query: GrantContactPortalAccessDocument, variables: { input: { ...base, linkExistingAccount: true } } },
          result: () => {
            linkAsked++;
            return refused("EMAIL_IN_USE", PATIENT_LOGIN);
          },
        },
      ],
    },
  );
  return { linkAsked: () => linkAsked };
}

describe("Add portal access for a contact: linking to the patient's own login", () => {
  it("says why the link was refused, stops offering it and puts the cursor back in the email field", async () => {
    const { linkAsked } = renderDialog();
    await userEvent.click(screen.getByRole("button", { name: "Grant access" }));
    const link = await screen.findByRole("button", { name: "Link to the existing account instead" });
    await userEvent.click(link);
    await waitFor(() => expect(linkAsked()).toBe(1));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/a patient's own portal login: a contact cannot share it/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Link to the existing account instead" })).not.toBeInTheDocument();
    const email = screen.getByRole("textbox", { name: /Login email/ });
    expect(email).toHaveFocus();
    expect(email).toHaveAttribute("aria-invalid", "true");

    // A new address is a new attempt: the refusal goes away.
    await userEvent.clear(email);
    await userEvent.type(email, "marc@example.com");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("says it in French too", async () => {
    renderDialog("fr");
    await userEvent.click(screen.getByRole("button", { name: "Accorder l'accès" }));
    await userEvent.click(await screen.findByRole("button", { name: "Lier plutôt au compte existant" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(/l'identifiant du portail d'un patient/)).toBeInTheDocument();
  });
});
