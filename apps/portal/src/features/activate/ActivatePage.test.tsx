import { screen } from "@testing-library/react";
import { renderPage } from "../../../test/render";
import { CheckPortalInviteQuery } from "../invite/invite.graphql";
import { AcceptInvitePage } from "../invite/AcceptInvitePage";
import { ActivatePortalAccountMutation, RequestNewPortalInviteMutation } from "./activate.graphql";
import { ActivatePage } from "./ActivatePage";

const PASSWORD = "correct horse battery";

function activateMock(code: string, dateOfBirth: string, userErrors: { code: string; field: string | null; message: string }[]) {
  return {
    request: { query: ActivatePortalAccountMutation, variables: { input: { code, dateOfBirth, password: PASSWORD } } },
    result: {
      data: {
        activatePortalAccount: {
          __typename: "ActivatePortalAccountPayload",
          account: userErrors.length ? null : { __typename: "PortalSelf", id: "7", email: "ana@example.com" },
          userErrors: userErrors.map((e) => ({ __typename: "UserError", ...e })),
        },
      },
    },
  };
}

async function fill(user: ReturnType<typeof renderPage>["user"], code: string, dob: string) {
  await user.type(await screen.findByLabelText(/^activation code/i), code);
  await user.type(screen.getByLabelText(/date of birth/i), dob);
  await user.type(screen.getByLabelText(/^new password/i), PASSWORD);
  await user.type(screen.getByLabelText(/confirm new password/i), PASSWORD);
  await user.click(screen.getByRole("button", { name: /activate my account/i }));
}

describe("ActivatePage (/portal/activate)", () => {
  it("asks for an 8-character code before calling the server", async () => {
    const { user } = renderPage(<ActivatePage />, { url: "/activate", path: "/activate", mocks: [] });
    await fill(user, "AB12", "1980-01-02");
    expect(await screen.findByText("The code has 8 characters (letters and digits).")).toBeInTheDocument();
  });

  it("shows a wrong date of birth on its field, and a locked code as the end of the road", async () => {
    const { user } = renderPage(<ActivatePage />, {
      url: "/activate",
      path: "/activate",
      mocks: [
        activateMock("AB12-CD34", "1980-01-02", [{ code: "DATE_OF_BIRTH_MISMATCH", field: "dateOfBirth", message: "x" }]),
        activateMock("AB12-CD34", "1980-01-03", [{ code: "INVITE_LOCKED", field: "code", message: "x" }]),
      ],
    });
    await fill(user, "ab12-cd34", "1980-01-02");
    expect(await screen.findByText(/does not match the one on file/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText(/date of birth/i));
    await user.type(screen.getByLabelText(/date of birth/i), "1980-01-03");
    await user.click(screen.getByRole("button", { name: /activate my account/i }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ask your clinic for a new activation sheet.");
    expect(screen.queryByLabelText(/^activation code/i)).not.toBeInTheDocument();
  });

  it("is in French for a French reader", async () => {
    renderPage(<ActivatePage />, { url: "/activate", path: "/activate", mocks: [], language: "fr" });
    expect(await screen.findByRole("heading", { name: "Activer votre compte du portail" })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Code d’activation/)).toBeInTheDocument();
  });
});

describe("an expired invite link offers a new invite with the date of birth (rule 22)", () => {
  it("sends the link's token and the date, then says only what may happen", async () => {
    const { user } = renderPage(<AcceptInvitePage />, {
      url: "/invite/tok123",
      path: "/invite/:token",
      mocks: [
        {
          request: { query: CheckPortalInviteQuery, variables: { token: "tok123" } },
          result: { data: { checkPortalInvite: { __typename: "CheckPortalInvitePayload", usable: false, userErrors: [{ __typename: "UserError", code: "INVITE_EXPIRED", field: "token", message: "x" }] } } },
        },
        {
          request: { query: RequestNewPortalInviteMutation, variables: { input: { token: "tok123", email: null, dateOfBirth: "1980-01-02" } } },
          result: { data: { requestNewPortalInvite: { __typename: "RequestNewPortalInvitePayload", accepted: true, userErrors: [] } } },
        },
      ],
    });
    expect(await screen.findByRole("heading", { name: "Get a new invite" })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/date of birth/i), "1980-01-02");
    await user.click(screen.getByRole("button", { name: "Email me a new invite" }));
    expect(await screen.findByRole("status")).toHaveTextContent("If the date of birth matches our records, a new invite is on its way");
  });
});
