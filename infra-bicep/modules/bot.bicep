// Azure Bot registration whose app id is the user-assigned identity, so the bot needs no
// client secret: the Bot Connector trusts tokens the app obtains for that identity.

@description('Globally unique name (handle) of the bot.')
param name string

@description('Tags applied to the bot.')
param tags object

@description('Pricing tier: F0 (free, standard channels capped) or S1 (paid per message on premium channels).')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('HTTPS messaging endpoint of the app, ending in /api/messages.')
param endpoint string

@description('Resource id of the user-assigned identity the bot authenticates as.')
param identityId string

@description('Client id of that identity (the bot\'s Microsoft App ID).')
param identityClientId string

@description('Entra ID tenant of the identity (single-tenant bot).')
param tenantId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  // Bot registrations are global resources; the app itself stays in its own region.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: name
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: tenantId
    msaAppMSIResourceId: identityId
    publicNetworkAccess: 'Enabled'
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
        }
      ]
    }
  }
}

resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

output name string = bot.name
output endpoint string = bot.properties.endpoint
