import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderPage } from "../../../test/render";
import { PortalRolesDocument } from "../access/access.documents";
import { AccessScheduleSettings } from "./AccessScheduleSettings";
import { AccessScheduleSettingsDocument, UpdateAccessScheduleSettingsDocument } from "./access-schedule.documents";

const none = {
  __typename: "AccessScheduleSettings" as const,
  ageRulePreset: "NONE" as const,
  matchesPreset: true,
  selfAccessMinAge: null,
  proxyLimitedAtAge: null,
  proxyLimitedRoleId: null,
  proxyEndsAtAge: null,
  ageNoticeDays: 30,
  proxyEndReminderDays: 14,
  proxyEndReminderEmail: null,
};
const roles = [
  { __typename: "PortalRole" as const, id: "1", name: "Patient", accessTypes: ["SELF" as const], permissions: [] },
  { __typename: "PortalRole" as const, id: "2", name: "Family", accessTypes: ["PROXY" as const], permissions: [] },
];

describe("Settings › Access over time", () => {
  it("fills the ages from the Quebec preset with its source, says when they are edited, and saves them", async () => {
    let sent: Record<string, unknown> | null = null;
    renderPage(<AccessScheduleSettings />, {
      mocks: [
        { request: { query: AccessScheduleSettingsDocument }, result: { data: { accessScheduleSettings: none } }, maxUsageCount: 2 },
        { request: { query: PortalRolesDocument }, result: { data: { portalRoles: roles } } },
        {
          request: {
            query: UpdateAccessScheduleSettingsDocument,
            variables: (variables) => {
              sent = variables.input as Record<string, unknown>;
              return true;
            },
          },
          result: {
            data: {
              updateAccessScheduleSettings: {
                __typename: "UpdateAccessScheduleSettingsPayload",
                settings: { ...none, ageRulePreset: "QUEBEC", matchesPreset: false, selfAccessMinAge: 14, proxyEndsAtAge: 16 },
                userErrors: [],
              },
            },
          },
        },
      ],
    });
    await userEvent.click(await screen.findByRole("combobox", { name: "Preset" }));
    await userEvent.click(screen.getByRole("option", { name: "Quebec" }));
    expect(screen.getByText(/Civil Code of Québec, art\. 14/)).toBeInTheDocument();
    expect(screen.getByRole("spinbutton", { name: "Own account from age" })).toHaveValue(14);
    expect(screen.getByRole("spinbutton", { name: "Parent's proxy ends at age" })).toHaveValue(14);
    expect(screen.queryByText("Edited from this preset")).not.toBeInTheDocument();

    const ends = screen.getByRole("spinbutton", { name: "Parent's proxy ends at age" });
    await userEvent.clear(ends);
    await userEvent.type(ends, "16");
    expect(screen.getByText("Edited from this preset")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(sent).toEqual({
        ageRulePreset: "QUEBEC",
        selfAccessMinAge: 14,
        proxyLimitedAtAge: null,
        proxyLimitedRoleId: null,
        proxyEndsAtAge: 16,
        ageNoticeDays: 30,
        proxyEndReminderDays: 14,
        proxyEndReminderEmail: null,
      }),
    );
  });
});
