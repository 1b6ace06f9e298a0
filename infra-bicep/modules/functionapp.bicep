// Linux app running the custom handler, on a Flex Consumption plan (global Azure) or a Dedicated
// App Service plan (where Flex Consumption is not offered, e.g. Azure operated by 21Vianet). Every
// credential it uses is the user-assigned identity; the only values that are not identities come
// from Key Vault.

@description('Globally unique name of the function app.')
param name string

@description('Name of the plan.')
param planName string

@description('FlexConsumption (scales to zero, billed per use) or Dedicated (an App Service plan, always on).')
@allowed([
  'FlexConsumption'
  'Dedicated'
])
param hostingPlan string

@description('SKU of the Dedicated plan (ignored for Flex Consumption).')
@allowed([
  'B1'
  'P0v3'
  'P1v3'
])
param dedicatedPlanSku string

@description('Azure region of the plan and app.')
param location string

@description('Tags applied to the plan and app.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity; the SDKs and the Functions host select it by this id.')
param identityClientId string

@description('Primary blob endpoint of the storage account.')
param blobEndpoint string

@description('Primary queue endpoint of the storage account.')
param queueEndpoint string

@description('Primary table endpoint of the storage account.')
param tableEndpoint string

@description('URL of the blob container the plan deploys the app package from.')
param deploymentContainerUrl string

@description('Application Insights connection string (an address, not a credential: local auth is off).')
param appInsightsConnectionString string

@description('Key Vault URI, ending in a slash.')
param keyVaultUri string

@description('Key Vault secret names of the WeChat Official Account settings: token, AES key, AppID and AppSecret.')
param weChatSecretNames {
  token: string
  encodingAesKey: string
  appId: string
  appSecret: string
}

@description('Key Vault secret names of the WeCom self-built app settings (liaisons\' channel): CorpID, AgentId, Secret, callback Token and EncodingAESKey.')
param weComSecretNames {
  corpId: string
  agentId: string
  secret: string
  token: string
  encodingAesKey: string
}

@description('Key Vault secret name of the person-key secret (base64, 32 bytes): it keys the hashes that count a volunteer\'s records.')
param personKeySecretName string = 'person-key-secret'

@description('Azure OpenAI endpoint; empty when the deployment has none (the app then understands offline).')
param openAiEndpoint string

@description('Azure OpenAI chat deployment name.')
param openAiDeploymentName string

@description('Upper bound of instances the plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Instances kept warm for HTTP triggers; 0 scales to zero (billed only when used).')
@minValue(0)
param alwaysReadyHttpInstances int

@description('Front Door profile id (X-Azure-FDID) the app admits, besides the Bot Service; empty admits everyone.')
param frontDoorId string

var isFlex = hostingPlan == 'FlexConsumption'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: dedicatedPlanSku
      }
  properties: {
    reserved: true
  }
}

// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION;
// the runtime is declared in functionAppConfig instead.
var appSettings = {
  // The cloud the app derives its hosts from (Bot Connector, Entra authority, OpenAI audience): AzureCloud or AzureChinaCloud.
  Azure__Cloud: environment().name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Bot__AppId: identityClientId
  Bot__TenantId: tenant().tenantId
  Bot__AppType: 'UserAssignedMSI'
  // Empty when the deployment has no Azure OpenAI: the app then understands offline.
  Understanding__OpenAI__Endpoint: openAiEndpoint
  Understanding__OpenAI__Deployment: openAiDeploymentName
  Understanding__OpenAI__ManagedIdentityClientId: identityClientId
  // Versionless references follow secret rotation (re-read within a day, or on restart).
  WeChat__Token: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weChatSecretNames.token}/)'
  WeChat__EncodingAesKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weChatSecretNames.encodingAesKey}/)'
  // The Official Account channel (issue 15, /api/wechat): unresolved references (secret not set) leave it off.
  WeChat__AppId: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weChatSecretNames.appId}/)'
  WeChat__AppSecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weChatSecretNames.appSecret}/)'
  // The WeCom app for liaisons (issue 15, /api/wecom): like the Official Account, off until all five secrets are set.
  WeCom__CorpId: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weComSecretNames.corpId}/)'
  WeCom__AgentId: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weComSecretNames.agentId}/)'
  WeCom__Secret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weComSecretNames.secret}/)'
  WeCom__Token: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weComSecretNames.token}/)'
  WeCom__EncodingAesKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${weComSecretNames.encodingAesKey}/)'
  Privacy__PersonKeySecret: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${personKeySecretName}/)'
  // Abuse limits: the app's peer is always the local Functions host, which passes on the front
  // end's headers. Behind Front Door (which alone may reach the app) the client is X-Azure-ClientIP,
  // which Front Door writes itself; else the last X-Forwarded-For entry, the one App Service's front end added.
  RateLimits__TrustedProxies: '127.0.0.1,::1'
  RateLimits__ForwardedHeader: empty(frontDoorId) ? 'X-Forwarded-For' : 'X-Azure-ClientIP'
}

// A Dedicated plan declares the runtime in app settings (Flex Consumption rejects them) and runs
// the package that `az functionapp deployment source config-zip` uploads.
var dedicatedSettings = isFlex
  ? {}
  : {
      FUNCTIONS_WORKER_RUNTIME: 'custom'
      FUNCTIONS_EXTENSION_VERSION: '~4'
      WEBSITE_RUN_FROM_PACKAGE: '1'
    }

// With Front Door, only its back end (carrying this profile's id) and the Bot Service (which posts
// to /api/messages) may reach the app: nobody can go round the WAF or forge X-Azure-ClientIP.
var accessRules = empty(frontDoorId)
  ? []
  : [
      {
        name: 'FrontDoor'
        priority: 100
        action: 'Allow'
        tag: 'ServiceTag'
        ipAddress: 'AzureFrontDoor.Backend'
        headers: {
          'x-azure-fdid': [
            frontDoorId
          ]
        }
      }
      {
        name: 'BotService'
        priority: 200
        action: 'Allow'
        tag: 'ServiceTag'
        ipAddress: 'AzureBotService'
      }
    ]

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      alwaysOn: !isFlex
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      ipSecurityRestrictions: accessRules
      ipSecurityRestrictionsDefaultAction: empty(frontDoorId) ? 'Allow' : 'Deny'
      appSettings: [
        for setting in items(union(appSettings, dedicatedSettings)): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: !isFlex
      ? null
      : {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: deploymentContainerUrl
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          scaleAndConcurrency: {
            maximumInstanceCount: maximumInstanceCount
            instanceMemoryMB: instanceMemoryMB
            alwaysReady: alwaysReadyHttpInstances > 0
              ? [
                  {
                    name: 'http'
                    instanceCount: alwaysReadyHttpInstances
                  }
                ]
              : []
          }
          runtime: {
            name: 'custom'
            version: '1.0'
          }
        }
  }
}

// Deployments authenticate with Entra ID, so publishing passwords are switched off.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
