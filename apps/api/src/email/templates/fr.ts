import { EmailKind } from "../email.types";
import type { TemplateParts } from "../render";
import { layout } from "./layout";

const ignore = "Si vous n’attendiez pas ce courriel, vous pouvez l’ignorer.";

/** Modèles français intégrés ; chaque organisation peut les remplacer (email_templates). */
export const fr: Record<EmailKind, TemplateParts> = {
  [EmailKind.INVITE_LINK]: {
    subject: "{{organizationName}} : votre invitation au portail patient",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "{{organizationName}} vous invite à son portail patient pour accéder au dossier de {{patientName}}.", "Choisissez votre mot de passe à l’aide du bouton ci-dessous. La date de naissance inscrite au dossier vous sera demandée. Ce lien est valable {{expiresInDays}} jours et ne peut servir qu’une fois."],
      { label: "Accepter l’invitation", href: "{{link}}" },
      ignore,
    ),
    text: "Bonjour {{recipientName}},\n\n{{organizationName}} vous invite à son portail patient pour accéder au dossier de {{patientName}}.\n\nChoisissez votre mot de passe ici (la date de naissance inscrite au dossier vous sera demandée) :\n{{link}}\n\nCe lien est valable {{expiresInDays}} jours et ne peut servir qu’une fois.\n\n" + ignore + "\n",
  },
  [EmailKind.INVITE_TEMPORARY_PASSWORD]: {
    subject: "{{organizationName}} : votre compte du portail patient",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "{{organizationName}} vous a ouvert un compte sur son portail patient pour accéder au dossier de {{patientName}}.", "Votre mot de passe temporaire est : <strong style=\"font-family:monospace;font-size:18px\">{{temporaryPassword}}</strong>", "Connectez-vous avec cette adresse courriel et le mot de passe temporaire ; vous choisirez ensuite votre propre mot de passe."],
      { label: "Se connecter au portail", href: "{{signInUrl}}" },
      ignore,
    ),
    text: "Bonjour {{recipientName}},\n\n{{organizationName}} vous a ouvert un compte sur son portail patient pour accéder au dossier de {{patientName}}.\n\nVotre mot de passe temporaire est : {{temporaryPassword}}\n\nConnectez-vous sur {{signInUrl}} avec cette adresse courriel et le mot de passe temporaire ; vous choisirez ensuite votre propre mot de passe.\n\n" + ignore + "\n",
  },
  [EmailKind.STAFF_PASSWORD_RESET]: {
    subject: "{{organizationName}} : réinitialisez votre mot de passe du portail",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "L’équipe de {{organizationName}} a lancé la réinitialisation du mot de passe de votre compte du portail patient.", "Choisissez un nouveau mot de passe à l’aide du bouton ci-dessous. Ce lien est valable {{expiresInHours}} heures et ne peut servir qu’une fois. Votre mot de passe actuel reste valide d’ici là."],
      { label: "Choisir un nouveau mot de passe", href: "{{link}}" },
      "Si vous n’êtes pas à l’origine de cette demande, contactez {{organizationName}}.",
    ),
    text: "Bonjour {{recipientName}},\n\nL’équipe de {{organizationName}} a lancé la réinitialisation du mot de passe de votre compte du portail patient.\n\nChoisissez un nouveau mot de passe ici :\n{{link}}\n\nCe lien est valable {{expiresInHours}} heures et ne peut servir qu’une fois. Votre mot de passe actuel reste valide d’ici là.\n\nSi vous n’êtes pas à l’origine de cette demande, contactez {{organizationName}}.\n",
  },
  [EmailKind.SELF_SERVICE_RESET]: {
    subject: "{{organizationName}} : réinitialisez votre mot de passe du portail",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "Une demande de réinitialisation du mot de passe de votre compte du portail patient de {{organizationName}} a été faite.", "Choisissez un nouveau mot de passe à l’aide du bouton ci-dessous. Ce lien est valable {{expiresInHours}} heures et ne peut servir qu’une fois."],
      { label: "Choisir un nouveau mot de passe", href: "{{link}}" },
      "Si vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe n’a pas changé.",
    ),
    text: "Bonjour {{recipientName}},\n\nUne demande de réinitialisation du mot de passe de votre compte du portail patient de {{organizationName}} a été faite.\n\nChoisissez un nouveau mot de passe ici :\n{{link}}\n\nCe lien est valable {{expiresInHours}} heures et ne peut servir qu’une fois.\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce courriel : votre mot de passe n’a pas changé.\n",
  },
  [EmailKind.ACCESS_REVOKED]: {
    subject: "{{organizationName}} : accès au portail retiré",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "Votre accès au dossier de {{patientName}} sur le portail patient de {{organizationName}} a été retiré."],
      undefined,
      "Si vous pensez qu’il s’agit d’une erreur, contactez {{organizationName}}.",
    ),
    text: "Bonjour {{recipientName}},\n\nVotre accès au dossier de {{patientName}} sur le portail patient de {{organizationName}} a été retiré.\n\nSi vous pensez qu’il s’agit d’une erreur, contactez {{organizationName}}.\n",
  },
  [EmailKind.LOGIN_EMAIL_CHANGED]: {
    subject: "{{organizationName}} : changement demandé de l’adresse de connexion de votre portail",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "Un changement de l’adresse courriel de connexion de votre compte du portail patient de {{organizationName}} a été demandé. Il ne prendra effet qu’une fois confirmé depuis la nouvelle adresse ; d’ici là, vous continuez de vous connecter avec celle-ci.", "Une fois le changement confirmé, cette adresse ne servira plus à vous connecter, et toute invitation ou tout lien de réinitialisation envoyé à cette adresse cessera de fonctionner."],
      undefined,
      "Si vous n’avez pas demandé ce changement, contactez {{organizationName}} sans tarder.",
    ),
    text: "Bonjour {{recipientName}},\n\nUn changement de l’adresse courriel de connexion de votre compte du portail patient de {{organizationName}} a été demandé. Il ne prendra effet qu’une fois confirmé depuis la nouvelle adresse ; d’ici là, vous continuez de vous connecter avec celle-ci.\n\nUne fois le changement confirmé, cette adresse ne servira plus à vous connecter, et toute invitation ou tout lien de réinitialisation envoyé à cette adresse cessera de fonctionner.\n\nSi vous n’avez pas demandé ce changement, contactez {{organizationName}} sans tarder.\n",
  },
  [EmailKind.LOGIN_EMAIL_CONFIRM]: {
    subject: "{{organizationName}} : confirmez votre nouvelle adresse de connexion au portail",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "{{organizationName}} a reçu la demande de faire de cette adresse l’adresse courriel de connexion de votre compte du portail patient.", "Confirmez-la avec le bouton ci-dessous. Ce lien est valide {{expiresInHours}} heures et ne peut servir qu’une fois. Rien ne change tant que vous n’avez pas confirmé."],
      { label: "Confirmer mon adresse de connexion", href: "{{link}}" },
      "Si vous n’attendiez pas ce courriel, ignorez-le : l’adresse de connexion ne changera pas.",
    ),
    text: "Bonjour {{recipientName}},\n\n{{organizationName}} a reçu la demande de faire de cette adresse l’adresse courriel de connexion de votre compte du portail patient.\n\nConfirmez-la ici :\n{{link}}\n\nCe lien est valide {{expiresInHours}} heures et ne peut servir qu’une fois. Rien ne change tant que vous n’avez pas confirmé.\n\nSi vous n’attendiez pas ce courriel, ignorez-le : l’adresse de connexion ne changera pas.\n",
  },
  [EmailKind.MFA_CODE]: {
    subject: "{{organizationName}} : votre code de connexion",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "Votre code pour terminer la connexion au portail patient de {{organizationName}} est :", "<strong style=\"font-family:monospace;font-size:24px;letter-spacing:4px\">{{code}}</strong>", "Il est valide {{expiresInMinutes}} minutes et ne peut servir qu’une fois. Ne le communiquez jamais : {{organizationName}} ne vous le demandera jamais."],
      undefined,
      "Si vous ne venez pas de vous connecter, quelqu’un connaît peut-être votre mot de passe : changez-le depuis la page de votre compte.",
    ),
    text: "Bonjour {{recipientName}},\n\nVotre code pour terminer la connexion au portail patient de {{organizationName}} est : {{code}}\n\nIl est valide {{expiresInMinutes}} minutes et ne peut servir qu’une fois. Ne le communiquez jamais : {{organizationName}} ne vous le demandera jamais.\n\nSi vous ne venez pas de vous connecter, quelqu’un connaît peut-être votre mot de passe : changez-le depuis la page de votre compte.\n",
  },
  [EmailKind.STAFF_INVITE]: {
    subject: "{{organizationName}} : invitation au tableau de bord du personnel",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "{{organizationName}} vous a ajouté·e comme membre du personnel de son tableau de bord du portail patient.", "Choisissez votre mot de passe avec le bouton ci-dessous, puis connectez-vous avec cette adresse courriel. Ce lien est valide {{expiresInHours}} heures et ne peut servir qu’une fois."],
      { label: "Choisir mon mot de passe", href: "{{link}}" },
      "Si vous n’attendiez pas ce courriel, ignorez-le et prévenez {{organizationName}} : aucun compte ne s’ouvre sans le lien.",
    ),
    text: "Bonjour {{recipientName}},\n\n{{organizationName}} vous a ajouté·e comme membre du personnel de son tableau de bord du portail patient.\n\nChoisissez votre mot de passe ici, puis connectez-vous avec cette adresse courriel :\n{{link}}\n\nCe lien est valide {{expiresInHours}} heures et ne peut servir qu’une fois.\n\nSi vous n’attendiez pas ce courriel, ignorez-le et prévenez {{organizationName}} : aucun compte ne s’ouvre sans le lien.\n",
  },
  [EmailKind.INVITE_REMINDER]: {
    subject: "Rappel — {{organizationName}} : votre invitation au portail patient",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "{{organizationName}} vous a invité·e à son portail patient pour consulter le dossier de {{patientName}}, et votre compte n’est pas encore créé.", "Voici un nouveau lien : choisissez votre mot de passe avec le bouton ci-dessous. La date de naissance au dossier vous sera demandée. Ce lien est valide {{expiresInDays}} jours et ne peut servir qu’une fois ; les liens d’invitation précédents ne fonctionnent plus."],
      { label: "Créer mon compte", href: "{{link}}" },
      ignore,
    ),
    text: "Bonjour {{recipientName}},\n\n{{organizationName}} vous a invité·e à son portail patient pour consulter le dossier de {{patientName}}, et votre compte n’est pas encore créé.\n\nVoici un nouveau lien pour choisir votre mot de passe (la date de naissance au dossier vous sera demandée) :\n{{link}}\n\nCe lien est valide {{expiresInDays}} jours et ne peut servir qu’une fois ; les liens d’invitation précédents ne fonctionnent plus.\n\n" + ignore + "\n",
  },
  [EmailKind.ACCESS_CHANGE_NOTICE]: {
    subject: "{{organizationName}} : l’accès au dossier de {{patientName}} change le {{changeDate}}",
    html: layout(
      "fr",
      ["Bonjour {{recipientName}},", "Selon les règles de {{organizationName}} pour les mineurs, l’accès de {{proxyName}} au dossier de {{patientName}} dans le portail patient {{changeDescription}} le {{changeDate}}.", "{{patientName}} peut avoir son propre compte du portail ; renseignez-vous auprès de {{organizationName}}, ou sur un accès partagé avec le consentement de {{patientName}}."],
      undefined,
      "Pour toute question, communiquez avec {{organizationName}}.",
    ),
    text: "Bonjour {{recipientName}},\n\nSelon les règles de {{organizationName}} pour les mineurs, l’accès de {{proxyName}} au dossier de {{patientName}} dans le portail patient {{changeDescription}} le {{changeDate}}.\n\n{{patientName}} peut avoir son propre compte du portail ; renseignez-vous auprès de {{organizationName}}, ou sur un accès partagé avec le consentement de {{patientName}}.\n\nPour toute question, communiquez avec {{organizationName}}.\n",
  },
  [EmailKind.PROXY_END_REMINDER]: {
    subject: "{{organizationName}} : l’accès mandataire de {{proxyName}} prend fin le {{changeDate}}",
    html: layout(
      "fr",
      ["Bonjour,", "L’accès mandataire de {{proxyName}} au dossier de {{patientName}} prend fin le {{changeDate}}, la date de fin inscrite lors de son autorisation.", "Si le document sur lequel il repose a été renouvelé, renouvelez l’accès depuis l’onglet Portail du patient avant cette date ; sinon, il prendra fin de lui-même."],
      { label: "Ouvrir l’onglet Portail", href: "{{patientUrl}}" },
      "Vous recevez ce courriel parce que vous gérez l’accès au portail chez {{organizationName}}.",
    ),
    text: "Bonjour,\n\nL’accès mandataire de {{proxyName}} au dossier de {{patientName}} prend fin le {{changeDate}}, la date de fin inscrite lors de son autorisation.\n\nSi le document sur lequel il repose a été renouvelé, renouvelez l’accès depuis l’onglet Portail du patient avant cette date ; sinon, il prendra fin de lui-même :\n{{patientUrl}}\n\nVous recevez ce courriel parce que vous gérez l’accès au portail chez {{organizationName}}.\n",
  },
};
