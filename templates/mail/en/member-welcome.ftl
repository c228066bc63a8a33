Subject: You have joined the account of ${companyName} (${accountId}) as ${msg("en", "team-role." + role)}

Hello ${address},

${addedBy} has added you to the team of the provider ${companyName} (account ID ${accountId}) on the marketdesk cloud marketplace.
Your role: ${msg("en", "team-role." + role)} - ${msg("en", "team-role." + role + ".what")}.

From now on, the mails you send from this address to ${serviceAddress} act for the account. The commands you may use (copy one into a new mail):

${help}

See the team: members. For another role, ask an admin of the account.
<#import "_sign.ftl" as sign><@sign.buyer/>
