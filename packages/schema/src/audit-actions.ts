/**
 * The audit log's vocabulary: every action code the API writes, the kind it belongs to (what staff
 * filter on) and how it reads in English and French. One table, so the API's `kind` filter and the
 * admin's labels cannot disagree; a test of the API checks that every code it writes is listed.
 */

/** Groups of audit actions that staff look for together. */
export enum AuditKind {
  ACCESS_CHANGES = "ACCESS_CHANGES",
  INVITES = "INVITES",
  SIGN_INS = "SIGN_INS",
  EMAIL_CHANGES = "EMAIL_CHANGES",
  PASSWORDS = "PASSWORDS",
  PATIENT_RECORDS = "PATIENT_RECORDS",
  STAFF = "STAFF",
  SETTINGS = "SETTINGS",
  EMAIL_DELIVERY = "EMAIL_DELIVERY",
}

export interface AuditActionInfo {
  kind: AuditKind;
  en: string;
  fr: string;
}

const K = AuditKind;

export const AUDIT_ACTIONS: Record<string, AuditActionInfo> = {
  // Portal access: grants, accounts, roles.
  "portal_access.enabled": { kind: K.ACCESS_CHANGES, en: "Portal access enabled", fr: "Accès au portail activé" },
  "portal_access.linked": { kind: K.ACCESS_CHANGES, en: "Linked to an existing portal account", fr: "Lié à un compte du portail existant" },
  "portal_access.role_changed": { kind: K.ACCESS_CHANGES, en: "Portal role changed", fr: "Rôle du portail modifié" },
  "portal_access.revoked": { kind: K.ACCESS_CHANGES, en: "Portal access removed", fr: "Accès au portail retiré" },
  "portal_access.suspended": { kind: K.ACCESS_CHANGES, en: "Portal access suspended", fr: "Accès au portail suspendu" },
  // Access over time (rules 20, 21): the daily job and one-click renewal.
  "portal_access.limited_by_age": { kind: K.ACCESS_CHANGES, en: "Proxy access limited by the age rules", fr: "Accès mandataire limité par les règles d’âge" },
  "portal_access.ended_by_age": { kind: K.ACCESS_CHANGES, en: "Proxy access ended by the age rules", fr: "Accès mandataire terminé par les règles d’âge" },
  "portal_access.ended_on_date": { kind: K.ACCESS_CHANGES, en: "Proxy access ended on its end date", fr: "Accès mandataire terminé à sa date de fin" },
  "portal_access.renewed": { kind: K.ACCESS_CHANGES, en: "Proxy access renewed", fr: "Accès mandataire renouvelé" },
  "portal_access.change_notice_sent": { kind: K.ACCESS_CHANGES, en: "Notice of a coming access change sent", fr: "Avis d’un changement d’accès à venir envoyé" },
  "portal_access.end_reminder_sent": { kind: K.ACCESS_CHANGES, en: "Staff reminded of a proxy's end date", fr: "Rappel au personnel de la fin d’un accès mandataire" },
  "portal_account.disabled": { kind: K.ACCESS_CHANGES, en: "Portal account disabled", fr: "Compte du portail désactivé" },
  "portal_account.enabled": { kind: K.ACCESS_CHANGES, en: "Portal account re-enabled", fr: "Compte du portail réactivé" },
  "portal_account.unlocked": { kind: K.ACCESS_CHANGES, en: "Portal account unlocked", fr: "Compte du portail déverrouillé" },
  "portal_role.created": { kind: K.ACCESS_CHANGES, en: "Portal role created", fr: "Rôle du portail créé" },
  "portal_role.updated": { kind: K.ACCESS_CHANGES, en: "Portal role changed", fr: "Rôle du portail modifié" },
  "portal_role.deleted": { kind: K.ACCESS_CHANGES, en: "Portal role deleted", fr: "Rôle du portail supprimé" },
  // Invites.
  "portal_invite.sent": { kind: K.INVITES, en: "Portal invite sent", fr: "Invitation au portail envoyée" },
  "portal_invite.accepted": { kind: K.INVITES, en: "Portal invite accepted", fr: "Invitation au portail acceptée" },
  "portal_invite.dob_mismatch": { kind: K.INVITES, en: "Wrong date of birth on an invite", fr: "Mauvaise date de naissance sur une invitation" },
  "portal_invite.locked": { kind: K.INVITES, en: "Invite locked (too many wrong dates of birth)", fr: "Invitation verrouillée (trop de dates de naissance erronées)" },
  "portal_invite.reminded": { kind: K.INVITES, en: "Invite reminder sent", fr: "Rappel d'invitation envoyé" },
  "portal_invite.recovery_requested": { kind: K.INVITES, en: "New invite asked for by the patient", fr: "Nouvelle invitation demandée par le patient" },
  "portal_activation_code.issued": { kind: K.INVITES, en: "Activation code sheet issued", fr: "Feuille de code d'activation remise" },
  "staff_user.invited": { kind: K.INVITES, en: "Staff member invited", fr: "Membre du personnel invité" },
  "staff_user.invite_resent": { kind: K.INVITES, en: "Staff invite sent again", fr: "Invitation du personnel renvoyée" },
  "staff_user.invite_accepted": { kind: K.INVITES, en: "Staff invite accepted", fr: "Invitation du personnel acceptée" },
  // Sign-ins and second factors.
  "portal.signed_in": { kind: K.SIGN_INS, en: "Signed in to the portal", fr: "Connexion au portail" },
  "portal.signed_out": { kind: K.SIGN_INS, en: "Signed out of the portal", fr: "Déconnexion du portail" },
  "portal.sign_in_failed": { kind: K.SIGN_INS, en: "Portal sign-in failed", fr: "Échec de connexion au portail" },
  "portal.sign_in_locked": { kind: K.SIGN_INS, en: "Portal sign-in locked", fr: "Connexion au portail verrouillée" },
  "portal.mfa_passed": { kind: K.SIGN_INS, en: "Portal two-step code accepted", fr: "Code de connexion en deux étapes accepté (portail)" },
  "portal.mfa_failed": { kind: K.SIGN_INS, en: "Portal two-step code refused", fr: "Code de connexion en deux étapes refusé (portail)" },
  "portal.mfa_enabled": { kind: K.SIGN_INS, en: "Portal two-step sign-in turned on", fr: "Connexion en deux étapes activée (portail)" },
  "portal.mfa_disabled": { kind: K.SIGN_INS, en: "Portal two-step sign-in turned off", fr: "Connexion en deux étapes désactivée (portail)" },
  "staff.signed_in": { kind: K.SIGN_INS, en: "Staff signed in", fr: "Connexion du personnel" },
  "staff.signed_out": { kind: K.SIGN_INS, en: "Staff signed out", fr: "Déconnexion du personnel" },
  "staff.sign_in_failed": { kind: K.SIGN_INS, en: "Staff sign-in failed", fr: "Échec de connexion du personnel" },
  "staff.sign_in_locked": { kind: K.SIGN_INS, en: "Staff sign-in locked", fr: "Connexion du personnel verrouillée" },
  "staff.mfa_enabled": { kind: K.SIGN_INS, en: "Staff two-step sign-in turned on", fr: "Connexion en deux étapes activée (personnel)" },
  "staff.mfa_failed": { kind: K.SIGN_INS, en: "Staff two-step code refused", fr: "Code de connexion en deux étapes refusé (personnel)" },
  "portal.mfa_recovery_codes_regenerated": { kind: K.SIGN_INS, en: "Portal recovery codes replaced", fr: "Codes de récupération remplacés (portail)" },
  "staff.mfa_recovery_codes_regenerated": { kind: K.SIGN_INS, en: "Staff recovery codes replaced", fr: "Codes de récupération remplacés (personnel)" },
  "staff.mfa_disabled": { kind: K.SIGN_INS, en: "Staff two-step sign-in turned off", fr: "Connexion en deux étapes désactivée (personnel)" },
  "staff.mfa_reset": { kind: K.STAFF, en: "Staff two-step sign-in reset", fr: "Connexion en deux étapes réinitialisée (personnel)" },
  "portal_account.language_changed": { kind: K.SETTINGS, en: "Portal user's language changed", fr: "Langue de l’utilisateur du portail modifiée" },
  // Login email changes.
  "portal_account.login_email_change_requested": { kind: K.EMAIL_CHANGES, en: "Login email change requested", fr: "Changement de courriel de connexion demandé" },
  "portal_account.login_email_changed": { kind: K.EMAIL_CHANGES, en: "Login email changed", fr: "Courriel de connexion modifié" },
  "portal_account.login_email_change_cancelled": { kind: K.EMAIL_CHANGES, en: "Login email change cancelled", fr: "Changement de courriel de connexion annulé" },
  // Passwords.
  "portal_password.changed": { kind: K.PASSWORDS, en: "Portal password changed", fr: "Mot de passe du portail modifié" },
  "portal_password.change_locked": { kind: K.PASSWORDS, en: "Password change locked (wrong current password)", fr: "Changement de mot de passe verrouillé (mot de passe actuel erroné)" },
  "portal_password.reset_requested": { kind: K.PASSWORDS, en: "Password reset requested", fr: "Réinitialisation du mot de passe demandée" },
  "portal_password.reset_sent": { kind: K.PASSWORDS, en: "Password reset email sent", fr: "Courriel de réinitialisation envoyé" },
  "portal_password.reset_completed": { kind: K.PASSWORDS, en: "Password reset completed", fr: "Mot de passe réinitialisé" },
  "portal_account.password_change_forced": { kind: K.PASSWORDS, en: "New password required at next sign-in", fr: "Nouveau mot de passe exigé à la prochaine connexion" },
  // Patient records.
  "patient.created": { kind: K.PATIENT_RECORDS, en: "Patient created", fr: "Patient créé" },
  "patient.updated": { kind: K.PATIENT_RECORDS, en: "Patient details changed", fr: "Dossier du patient modifié" },
  "patient.viewed": { kind: K.PATIENT_RECORDS, en: "Patient record viewed", fr: "Dossier du patient consulté" },
  "patient.deactivated": { kind: K.PATIENT_RECORDS, en: "Patient made inactive", fr: "Patient rendu inactif" },
  "patient.reactivated": { kind: K.PATIENT_RECORDS, en: "Patient made active again", fr: "Patient rendu actif" },
  "patients.listed": { kind: K.PATIENT_RECORDS, en: "Patient list read", fr: "Liste des patients consultée" },
  "contact.created": { kind: K.PATIENT_RECORDS, en: "Contact added", fr: "Contact ajouté" },
  "contact.updated": { kind: K.PATIENT_RECORDS, en: "Contact changed", fr: "Contact modifié" },
  "contact.disabled": { kind: K.PATIENT_RECORDS, en: "Contact disabled", fr: "Contact désactivé" },
  "patient.imported": { kind: K.PATIENT_RECORDS, en: "Patient created by an import", fr: "Patient créé par une importation" },
  "patient.import_updated": { kind: K.PATIENT_RECORDS, en: "Patient details changed by an import", fr: "Dossier du patient modifié par une importation" },
  "contact.imported": { kind: K.PATIENT_RECORDS, en: "Contact added by an import", fr: "Contact ajouté par une importation" },
  "contact.import_updated": { kind: K.PATIENT_RECORDS, en: "Contact changed by an import", fr: "Contact modifié par une importation" },
  "import.dry_run": { kind: K.PATIENT_RECORDS, en: "Patient import checked (dry run)", fr: "Importation de patients vérifiée (essai)" },
  "import.confirmed": { kind: K.PATIENT_RECORDS, en: "Patient import started", fr: "Importation de patients lancée" },
  "import.finished": { kind: K.PATIENT_RECORDS, en: "Patient import finished", fr: "Importation de patients terminée" },
  // Staff.
  "staff_user.created": { kind: K.STAFF, en: "Staff member added", fr: "Membre du personnel ajouté" },
  "staff_user.role_changed": { kind: K.STAFF, en: "Staff role changed", fr: "Rôle du membre du personnel modifié" },
  "staff_user.disabled": { kind: K.STAFF, en: "Staff member disabled", fr: "Membre du personnel désactivé" },
  "staff_user.enabled": { kind: K.STAFF, en: "Staff member re-enabled", fr: "Membre du personnel réactivé" },
  "staff_user.unlocked": { kind: K.STAFF, en: "Staff member unlocked", fr: "Membre du personnel déverrouillé" },
  "staff_role.created": { kind: K.STAFF, en: "Staff role created", fr: "Rôle du personnel créé" },
  "staff_role.updated": { kind: K.STAFF, en: "Staff role changed", fr: "Rôle du personnel modifié" },
  "staff_role.deleted": { kind: K.STAFF, en: "Staff role deleted", fr: "Rôle du personnel supprimé" },
  // Settings and integrations.
  "organization.settings_updated": { kind: K.SETTINGS, en: "Organization settings changed", fr: "Paramètres de l’organisation modifiés" },
  "email_template.updated": { kind: K.SETTINGS, en: "Email template changed", fr: "Modèle de courriel modifié" },
  "email_template.reset": { kind: K.SETTINGS, en: "Email template reset", fr: "Modèle de courriel réinitialisé" },
  "email_template.sample_sent": { kind: K.SETTINGS, en: "Sample email sent", fr: "Courriel d’essai envoyé" },
  "api_key.created": { kind: K.SETTINGS, en: "API key created", fr: "Clé d’API créée" },
  "api_key.revoked": { kind: K.SETTINGS, en: "API key revoked", fr: "Clé d’API révoquée" },
  "webhook_subscription.created": { kind: K.SETTINGS, en: "Webhook added", fr: "Webhook ajouté" },
  "webhook_subscription.updated": { kind: K.SETTINGS, en: "Webhook changed", fr: "Webhook modifié" },
  "webhook_subscription.deleted": { kind: K.SETTINGS, en: "Webhook deleted", fr: "Webhook supprimé" },
  "webhook_subscription.test_sent": { kind: K.SETTINGS, en: "Webhook test sent", fr: "Essai de webhook envoyé" },
  "bulk_job.created": { kind: K.SETTINGS, en: "Bulk job started", fr: "Traitement en lot lancé" },
  // Email delivery.
  "email.failed": { kind: K.EMAIL_DELIVERY, en: "Email could not be sent", fr: "Courriel non envoyé" },
  "email.delivery_failed": { kind: K.EMAIL_DELIVERY, en: "Email bounced", fr: "Courriel non remis" },
};

/** The action codes of a kind, for the audit log's filter. */
export function auditActionsOfKind(kind: AuditKind): string[] {
  return Object.entries(AUDIT_ACTIONS)
    .filter(([, info]) => info.kind === kind)
    .map(([code]) => code);
}

/** An action as staff read it; an unknown code (written by a newer API) is shown as is. */
export function auditActionLabel(action: string, language: "EN" | "FR" | "en" | "fr"): string {
  const info = AUDIT_ACTIONS[action];
  if (!info) return action;
  return language.toLowerCase() === "fr" ? info.fr : info.en;
}
