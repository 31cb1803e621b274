import { graphql } from "../../gql";

export const OrganizationSettingsDocument = graphql(`
  query OrganizationSettings {
    viewer {
      organization {
        id
        name
        inviteMethod
        inviteLinkTtlHours
        resendCooldownMinutes
        defaultPortalRoleId
        defaultLanguage
        accessRemovedEmail
        inviteReminderDays
      }
    }
  }
`);

export const UpdateOrganizationSettingsDocument = graphql(`
  mutation UpdateOrganizationSettings($input: UpdateOrganizationSettingsInput!) {
    updateOrganizationSettings(input: $input) {
      organization {
        id
        name
        inviteMethod
        inviteLinkTtlHours
        resendCooldownMinutes
        defaultPortalRoleId
        defaultLanguage
        accessRemovedEmail
        inviteReminderDays
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const StaffRolesDocument = graphql(`
  query StaffRoles {
    staffRoles {
      id
      name
      permissions
    }
  }
`);

export const CreatePortalRoleDocument = graphql(`
  mutation CreatePortalRole($input: CreatePortalRoleInput!) {
    createPortalRole(input: $input) {
      portalRole {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdatePortalRoleDocument = graphql(`
  mutation UpdatePortalRole($input: UpdatePortalRoleInput!) {
    updatePortalRole(input: $input) {
      portalRole {
        id
        name
        accessTypes
        permissions
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DeletePortalRoleDocument = graphql(`
  mutation DeletePortalRole($input: DeletePortalRoleInput!) {
    deletePortalRole(input: $input) {
      deletedId
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const CreateStaffRoleDocument = graphql(`
  mutation CreateStaffRole($input: CreateStaffRoleInput!) {
    createStaffRole(input: $input) {
      staffRole {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdateStaffRoleDocument = graphql(`
  mutation UpdateStaffRole($input: UpdateStaffRoleInput!) {
    updateStaffRole(input: $input) {
      staffRole {
        id
        name
        permissions
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const DeleteStaffRoleDocument = graphql(`
  mutation DeleteStaffRole($input: DeleteStaffRoleInput!) {
    deleteStaffRole(input: $input) {
      deletedId
      userErrors {
        code
        field
        message
      }
    }
  }
`);
