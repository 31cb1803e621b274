import { createContext, useContext } from "react";
import { graphql } from "../../gql/shell";
import type { StaffPermission, ViewerQuery } from "../../gql/shell/graphql";

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      permissions
      grantablePermissions
      grantableApiKeyScopes
      user {
        id
        staffRoleId
        name
        email
        language
      }
      organization {
        id
        name
        defaultPortalRoleId
        inviteMethod
        resendCooldownMinutes
      }
    }
  }
`);

export type Viewer = NonNullable<ViewerQuery["viewer"]>;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in staff member. Only used below the sign-in gate, so it is never null there. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer outside the signed-in app");
  return viewer;
}

/** Whether the signed-in staff member holds a permission: the server refuses what this hides. */
export function useCan() {
  const viewer = useViewer();
  return (permission: StaffPermission) => viewer.permissions.includes(permission);
}
