/** Word lists for seeded names: companies, people, products, cities. */

export const VENDORS = ["Contoso Software", "Fabrikam Cloud", "Northwind Labs", "Proseware Inc"];
export const CLIENTS = [
  "Adventure Works",
  "Tailspin Toys",
  "Wide World Importers",
  "Litware Inc",
  "Coho Winery",
];
export const SELLERS = [
  { name: "SoftwareOne US", currency: "USD", country: "US", city: "Waukesha" },
  { name: "SoftwareOne UK", currency: "GBP", country: "GB", city: "London" },
  { name: "SoftwareOne DE", currency: "EUR", country: "DE", city: "Munich" },
];
export const FIRST = [
  "Ada",
  "Grace",
  "Linus",
  "Margaret",
  "Ken",
  "Barbara",
  "Dennis",
  "Frances",
  "Alan",
  "Radia",
];
export const LAST = [
  "Lovelace",
  "Hopper",
  "Torvalds",
  "Hamilton",
  "Thompson",
  "Liskov",
  "Ritchie",
  "Allen",
  "Turing",
  "Perlman",
];
export const PRODUCT_NAMES = [
  "Cloud Backup",
  "Secure Mail",
  "Analytics Studio",
  "Dev Pipelines",
  "Identity Guard",
  "Data Lake",
  "Video Meetings",
  "Endpoint Protect",
  "Office Suite",
  "Project Planner",
  "Design Canvas",
  "Support Desk",
];
export const ITEM_TIERS = [
  "Basic",
  "Standard",
  "Professional",
  "Enterprise",
  "Storage Add-on",
  "Premium Support",
];
export const CURRENCIES = [
  { code: "USD", name: "US Dollar", precision: 2 },
  { code: "EUR", name: "Euro", precision: 2 },
  { code: "GBP", name: "Pound Sterling", precision: 2 },
  { code: "JPY", name: "Yen", precision: 0 },
  { code: "CHF", name: "Swiss Franc", precision: 2 },
];
