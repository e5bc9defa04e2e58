import { ScreenHeader } from '../components/ScreenHeader';

export function HomeScreen() {
  return (
    <>
      <ScreenHeader title="Welcome to Attest" subtitle="An offline workbench for security reviews and vendor risk." />
      <div className="card-grid">
        <section className="card" aria-labelledby="home-what">
          <h2 id="home-what">One encrypted workspace per engagement</h2>
          <p>
            Each client engagement or vendor-risk programme lives in one encrypted <code>.attest</code> file. Assess
            controls from built-in catalogues, record findings and evidence, score vendor questionnaires and issue
            signed PDF reports that auditors can verify.
          </p>
        </section>
        <section className="card" aria-labelledby="home-offline">
          <h2 id="home-offline">Offline by default</h2>
          <p>
            Nothing leaves this device unless you turn on live checks for a workspace and approve each destination
            host. Credentials stay in the operating system&apos;s keychain.
          </p>
        </section>
      </div>
    </>
  );
}
