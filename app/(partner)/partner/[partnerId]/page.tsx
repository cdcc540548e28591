import { redirect } from "next/navigation";

export default async function PartnerHome({ params }: { params: Promise<{ partnerId: string }> }) {
  const { partnerId } = await params;
  redirect(`/partner/${partnerId}/customers`);
}
