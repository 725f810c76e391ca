export function App() {
  return (
    <main>
      <h1>Specwright</h1>
    </main>
  );
}
